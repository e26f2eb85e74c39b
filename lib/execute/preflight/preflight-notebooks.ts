import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { kaggleKernels, notebooks, type ExecutorKind } from '../../db/schema';
import { AppError } from '../../errors';
import { RUNNER_IMAGE } from '../config';
import { prepareDatasets } from '../datasets';
import { dockerFromEnv } from '../docker';
import { HOST_PYTHON } from '../host-executor';
import { imageMapFromEnv, mappedImage } from '../image-map';
import { hostModules, imageModules, type ProvidedModules } from './image-modules';
import { notebookNeeds } from './notebook-needs';

export interface NotebookPreflight {
  notebookId: number;
  title: string;
  image: string; // where it would run ("host" for the host executor)
  missingModules: string[]; // imported, not in the image
  missingDatasets: string[]; // read, not here and not fetchable
  fetchable: string[]; // Kaggle sources the worker will download first
  blocked: boolean; // it cannot run as it stands
}

export interface Preflight {
  executor: ExecutorKind;
  images: Array<{ image: string; imageId: string | null; python: string; modules: number }>;
  notebooks: NotebookPreflight[];
  blocked: number;
  blockers: Array<{ kind: 'module' | 'dataset'; name: string; notebooks: number }>; // most notebooks first
}

/**
 * What each notebook needs (notebookNeeds: the analysis engine's findings) against what its runtime
 * has, before anything is queued: the modules it imports against those its image provides (read once
 * per image id), and the data sources it reads against VIZMINE_DATASETS_DIR, the dataset cache and its
 * Kaggle sources. Nothing is downloaded or run except the one-off module listing of a new image.
 */
export async function preflightNotebooks(db: Db, dataDir: string, notebookIds: number[], executor: ExecutorKind): Promise<Preflight> {
  const [names, kernels, needs] = await Promise.all([
    db.select({ id: notebooks.id, title: notebooks.title }).from(notebooks).where(inArray(notebooks.id, notebookIds)),
    db.select({ notebookId: kaggleKernels.notebookId, dockerImage: kaggleKernels.dockerImage }).from(kaggleKernels).where(inArray(kaggleKernels.notebookId, notebookIds)),
    notebookNeeds(db, notebookIds),
  ]);
  const runtimes = await runtimesFor(db, executor, new Map(kernels.map((k) => [k.notebookId!, k.dockerImage])), notebookIds);
  const result: NotebookPreflight[] = [];
  for (const id of notebookIds) {
    const { imports, datasets } = needs.get(id)!;
    const provided = runtimes.get(id)!;
    const data = await prepareDatasets(db, dataDir, id, datasets, { fetch: false });
    const missingModules = imports.filter((m) => !provided.modules.has(m));
    result.push({
      notebookId: id,
      title: names.find((n) => n.id === id)?.title ?? `#${id}`,
      image: provided.image,
      missingModules,
      missingDatasets: data.missing,
      fetchable: data.fetchable,
      blocked: missingModules.length > 0 || data.missing.length > 0,
    });
  }
  const images = [...new Map([...runtimes.values()].map((p) => [p.image, { image: p.image, imageId: p.imageId, python: p.python, modules: p.modules.size }])).values()];
  return { executor, images, notebooks: result, blocked: result.filter((n) => n.blocked).length, blockers: countBlockers(result) };
}

// The runtime of each notebook: the host's Python, or its mapped Kaggle image when that is here, else the default image.
async function runtimesFor(db: Db, executor: ExecutorKind, dockerImages: Map<number, string | null>, ids: number[]): Promise<Map<number, ProvidedModules>> {
  if (executor === 'host') {
    const host = hostModules(HOST_PYTHON);
    return new Map(ids.map((id) => [id, host]));
  }
  const docker = dockerFromEnv();
  if (!docker) throw new AppError('unavailable', 'No container engine to check the runner image against: start Podman\'s service or set DOCKER_HOST.');
  const map = imageMapFromEnv();
  const byImage = new Map<string, ProvidedModules>();
  const modulesOf = async (image: string) => byImage.get(image) ?? byImage.set(image, await imageModules(db, docker, image)).get(image)!;
  const out = new Map<number, ProvidedModules>();
  for (const id of ids) {
    const mapped = mappedImage(dockerImages.get(id), map);
    const here = mapped ? await docker.getImage(mapped).inspect().then(() => true, () => false) : false;
    out.set(id, await modulesOf(here ? mapped! : RUNNER_IMAGE));
  }
  return out;
}

function countBlockers(nbs: NotebookPreflight[]): Preflight['blockers'] {
  const counts = new Map<string, { kind: 'module' | 'dataset'; name: string; notebooks: number }>();
  const add = (kind: 'module' | 'dataset', name: string) => {
    const key = `${kind}:${name}`;
    counts.set(key, { kind, name, notebooks: (counts.get(key)?.notebooks ?? 0) + 1 });
  };
  for (const n of nbs) {
    n.missingModules.forEach((m) => add('module', m));
    n.missingDatasets.forEach((d) => add('dataset', d.replace(/^reads (\S+), .*$/, '$1').replace(/:.*$/, '')));
  }
  return [...counts.values()].sort((a, b) => b.notebooks - a.notebooks || a.name.localeCompare(b.name));
}
