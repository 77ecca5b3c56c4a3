// vitest globalSetup for the live NetBox tests (test/live/netbox/): installs (once, cached)
// and starts the real NetBox 4.7 with scripts/services.sh. If that does not work the run
// FAILS with the script's reason; the live tests are never skipped. Each test file then
// resets NetBox under a lock (test/live/netbox/netbox-instance.js).
//
// Runs that select no file under test/live/netbox/ (unit tests, Kubernetes tests) do nothing
// here, so they neither need Python nor pay for starting NetBox.
import type { TestProject } from 'vitest/node';
import { services } from './netbox/netbox-instance.js';

async function netboxTestsSelected(project: TestProject): Promise<boolean> {
  try {
    const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
    const specs = await project.vitest.globTestSpecifications(filters);
    return specs.some((s) => s.moduleId.replaceAll('\\', '/').includes('/test/live/netbox/'));
  } catch {
    return true; // when in doubt, start NetBox rather than let a live test run without it
  }
}

export default async function setup(project: TestProject): Promise<void> {
  if (!(await netboxTestsSelected(project))) return;
  services('install');
  services('start');
}
