import fs from 'node:fs';
import Docker from 'dockerode';

// Without DOCKER_HOST: the first socket that exists among Podman's service started by
// scripts/containers/start-podman-service.sh and the usual ones.
const SOCKETS = [process.env.VIZMINE_PODMAN_SOCKET ?? '/tmp/vizmine-podman.sock', '/run/podman/podman.sock', '/var/run/docker.sock'];

/**
 * The Docker Engine API to use. With DOCKER_HOST set, docker-modem reads the environment as the docker
 * CLI does: unix://, npipe://, tcp:// (https with DOCKER_TLS_VERIFY=1 or port 2376, certificates from
 * DOCKER_CERT_PATH), ssh://user@host (through SSH_AUTH_SOCK), DOCKER_CLIENT_TIMEOUT. Null when nothing is found.
 */
export function dockerFromEnv(): Docker | null {
  if (process.env.DOCKER_HOST) return new Docker();
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
