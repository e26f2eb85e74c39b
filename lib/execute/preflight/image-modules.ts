import { spawnSync } from 'node:child_process';
import type Docker from 'dockerode';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { runnerImages } from '../../db/schema';
import { AppError } from '../../errors';
import { LIST_MODULES_PY, parseModuleList } from './modules-script';

export interface ProvidedModules {
  image: string; // the name asked for, or "host"
  imageId: string | null;
  python: string;
  modules: Set<string>;
}

/**
 * The top-level modules an image provides, read once per image id and stored: a rebuilt image (new
 * id) is read again, a retagged one is not. The reading runs the image with no network, as a
 * notebook would.
 */
export async function imageModules(db: Db, docker: Docker, image: string): Promise<ProvidedModules> {
  let imageId: string;
  try {
    imageId = (await docker.getImage(image).inspect()).Id;
  } catch {
    throw new AppError('unavailable', `Image ${image} is not on this machine: build it with scripts/containers/build-runner-image.sh.`);
  }
  const [stored] = await db.select().from(runnerImages).where(eq(runnerImages.imageId, imageId));
  if (stored) return { image, imageId, python: stored.python, modules: new Set(stored.modules) };
  const { python, modules } = parseModuleList(await runInImage(docker, image, ['python3', '-c', LIST_MODULES_PY]));
  await db.insert(runnerImages).values({ imageId, name: image, python, modules }).onConflictDoNothing();
  return { image, imageId, python, modules: new Set(modules) };
}

/** The host executor's Python: read on each call (it takes a tenth of a second and can change any time). */
export function hostModules(python: string): ProvidedModules {
  const r = spawnSync(python, ['-c', LIST_MODULES_PY], { encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) throw new AppError('bad_request', `Could not list the modules of ${python}: ${r.stderr || r.error?.message}`);
  const { python: version, modules } = parseModuleList(r.stdout);
  return { image: 'host', imageId: null, python: version, modules: new Set(modules) };
}

async function runInImage(docker: Docker, image: string, cmd: string[]): Promise<string> {
  const container = await docker.createContainer({
    Image: image,
    Cmd: cmd,
    User: '1000:1000',
    NetworkDisabled: true,
    Labels: { 'vizmine.preflight': '1' },
    HostConfig: { NetworkMode: 'none', CapDrop: ['ALL'], SecurityOpt: ['no-new-privileges'], Memory: 512 * 1024 * 1024 },
  });
  try {
    await container.start();
    const deadline = Date.now() + 60_000;
    while ((await container.inspect()).State.Running) {
      if (Date.now() > deadline) throw new Error(`listing the modules of ${image} took over a minute`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const buf = (await container.logs({ follow: false, stdout: true, stderr: false })) as unknown as Buffer;
    return demux(buf);
  } finally {
    await container.remove({ force: true }).catch(() => {});
  }
}

// The Docker log stream: frames of [stream, 0, 0, 0, size BE] + payload.
function demux(buf: Buffer): string {
  let out = '';
  for (let i = 0; i + 8 <= buf.length; ) {
    const size = buf.readUInt32BE(i + 4);
    out += buf.subarray(i + 8, i + 8 + size).toString();
    i += 8 + size;
  }
  return out;
}
