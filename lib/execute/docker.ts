import fs from 'node:fs';
import Docker from 'dockerode';

// Where the Docker Engine API is: DOCKER_HOST (unix:// or tcp://), else the first socket that exists
// among Podman's service started by scripts/containers/start-podman-service.sh and the usual ones.
const SOCKETS = [process.env.VIZMINE_PODMAN_SOCKET ?? '/tmp/vizmine-podman.sock', '/run/podman/podman.sock', '/var/run/docker.sock'];

export function dockerFromEnv(): Docker | null {
  const host = process.env.DOCKER_HOST;
  if (host?.startsWith('unix://')) return new Docker({ socketPath: host.slice('unix://'.length) });
  if (host?.startsWith('tcp://') || host?.startsWith('http://')) {
    const url = new URL(host.replace(/^tcp:/, 'http:'));
    return new Docker({ host: url.hostname, port: Number(url.port || 2375) });
  }
  const socketPath = SOCKETS.find((s) => fs.existsSync(s));
  return socketPath ? new Docker({ socketPath }) : null;
}

/** Why containers cannot be used here, or null when the engine answers and has the image. */
export async function containerUnavailableReason(docker: Docker | null, image: string): Promise<string | null> {
  if (!docker) return `no container engine: set DOCKER_HOST or start Podman's service (scripts/containers/start-podman-service.sh)`;
  try {
    await docker.ping();
  } catch (e) {
    return `the container engine does not answer: ${(e as Error).message}`;
  }
  try {
    await docker.getImage(image).inspect();
  } catch {
    return `image ${image} is missing: build it with scripts/containers/build-runner-image.sh (or docker build workers/runner)`;
  }
  return null;
}
