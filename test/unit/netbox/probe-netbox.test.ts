import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetboxHttp } from '../../../src/targets/netbox/netbox-http.js';
import { probeNetbox } from '../../../src/targets/netbox/probe-netbox.js';
import { FakeNetbox } from '../../support/fake-netbox.js';

const fake = new FakeNetbox();
beforeAll(() => fake.start());
afterAll(() => fake.stop());
const http = () => new NetboxHttp({ url: fake.url, token: 'good-token', verifyTls: true, timeoutMs: 5000 });

describe('probeNetbox', () => {
  it('accepts 4.7 without warnings', async () => {
    fake.version = '4.7.3';
    expect(await probeNetbox(http())).toEqual({ version: '4.7.3', warnings: [] });
  });

  it('accepts another 4.x with a warning', async () => {
    fake.version = '4.5.2';
    const probe = await probeNetbox(http());
    expect(probe.warnings).toEqual([`NetBox at ${fake.url} is version 4.5.2; diet is tested with 4.7 (other 4.x versions should work, error messages of bulk writes may be less precise)`]);
  });

  it('refuses NetBox 3.x and 5.x with a clear message', async () => {
    fake.version = '3.7.8';
    await expect(probeNetbox(http())).rejects.toThrow(`NetBox at ${fake.url} is version 3.7.8; diet supports NetBox 4.x only`);
    fake.version = '5.0.0';
    await expect(probeNetbox(http())).rejects.toThrow('is version 5.0.0; diet supports NetBox 4.x only');
  });

  it('refuses an answer without a version', async () => {
    fake.version = '';
    await expect(probeNetbox(http())).rejects.toThrow('did not report a NetBox version on /api/status/');
  });
});
