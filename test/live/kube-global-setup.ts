// vitest globalSetup for the live Kubernetes tests (test/live/kubernetes/): builds (once,
// cached) and starts the real kube-apiserver + etcd with scripts/services.sh, plus a second
// independent API server for the two-endpoint tests. If that does not work the run FAILS
// with the script's reason; the live tests are never skipped.
//
// Runs that select no file under test/live/kubernetes/ (unit tests, NetBox tests) do nothing
// here, so they neither need Go nor pay for starting servers.
import type { TestProject } from 'vitest/node';
import { lockKube, prepareSecondInstance, services, unlockKube } from './kubernetes/kube-instances.js';

async function kubeTestsSelected(project: TestProject): Promise<boolean> {
  try {
    const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
    const specs = await project.vitest.globTestSpecifications(filters);
    return specs.some((s) => s.moduleId.replaceAll('\\', '/').includes('/test/live/kubernetes/'));
  } catch {
    return true; // when in doubt, start the servers rather than let a kube test run without them
  }
}

function running(instance: 'a' | 'b'): boolean {
  return /kube-apiserver: up/.test(services('status', instance));
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!(await kubeTestsSelected(project))) return undefined;
  services('install', 'a');
  services('start', 'a');
  prepareSecondInstance();
  const secondWasRunning = running('b');
  services('start', 'b');
  // The project's server is shared and stays up; the second one is ours to stop again (under
  // the kube lock, so not in the middle of another run's test file).
  return async () => {
    if (secondWasRunning) return;
    await lockKube();
    try {
      services('stop', 'b');
    } finally {
      unlockKube();
    }
  };
}
