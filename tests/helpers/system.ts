import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { RUNNER_IMAGE } from '../../lib/execute/config';
import { containerUnavailableReason, dockerFromEnv } from '../../lib/execute/docker';
import { HOST_PYTHON } from '../../lib/execute/host-executor';

// System parts a test needs: in CI (CI=true) their absence fails the test file with what to install;
// locally the tests skip, loudly.

function need(what: string, ok: boolean, install: string): boolean {
  if (!ok && process.env.CI) throw new Error(`${what} is missing: ${install}`);
  if (!ok) console.warn(`\n⚠️  SKIPPING tests that need ${what}: ${install}\n`);
  return ok;
}

/** Whether the host executor's Python (VIZMINE_PYTHON) has these modules. */
export function hasHostPython(modules = 'nbclient, ipykernel, matplotlib'): boolean {
  const ok = spawnSync(HOST_PYTHON, ['-c', `import ${modules}`], { stdio: 'ignore' }).status === 0;
  return need(`${HOST_PYTHON} with ${modules}`, ok, 'apt-get install python3-nbclient python3-ipykernel python3-matplotlib python3-pandas python3-seaborn python3-sklearn');
}

export async function hasContainers(): Promise<boolean> {
  const why = await containerUnavailableReason(dockerFromEnv(), RUNNER_IMAGE);
  return need('a container engine with the runner image', why === null, `${why} (.ci/run sets this up: podman, scripts/containers/*.sh)`);
}

/** Whether the headless Chromium the figure renderer and the e2e tests drive is installed. */
export function hasChromium(): boolean {
  const chromium = process.env.VIZMINE_CHROMIUM ?? '/usr/bin/chromium';
  return need(`Chromium at ${chromium}`, existsSync(chromium), 'apt-get install chromium');
}
