import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../../../src/spec/load-spec.js';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'diet-load-spec-'));
  await mkdir(join(root, 'spec'));
  await writeFile(join(root, 'spec', 'b.yaml'), 'name: b\n---\nname: b2\n');
  await writeFile(join(root, 'spec', 'a.yml'), 'name: a\n');
  await writeFile(join(root, 'spec', 'notes.txt'), 'not: yaml\n');
  await mkdir(join(root, 'spec', 'nested.yaml'));
  await writeFile(join(root, 'spec', 'nested.yaml', 'inner.yaml'), 'name: inner\n');
  await mkdir(join(root, 'empty'));
  await writeFile(join(root, 'broken.yaml'), 'a: 1\na: 2\n');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('loadSpec', () => {
  it('reads a directory non-recursively, *.yaml/*.yml only, in file-name order', async () => {
    const loaded = await loadSpec([join(root, 'spec')]);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.documents.map((d) => d.value)).toEqual([{ name: 'a' }, { name: 'b' }, { name: 'b2' }]);
    expect(loaded.documents.map((d) => [d.file, d.index])).toEqual([
      [join(root, 'spec', 'a.yml'), 0],
      [join(root, 'spec', 'b.yaml'), 0],
      [join(root, 'spec', 'b.yaml'), 1],
    ]);
  });

  it('reads a file named twice only once', async () => {
    const loaded = await loadSpec([join(root, 'spec', 'a.yml'), join(root, 'spec')]);
    expect(loaded.documents.map((d) => d.value)).toEqual([{ name: 'a' }, { name: 'b' }, { name: 'b2' }]);
  });

  it('turns a missing path into a coded diagnostic with a hint', async () => {
    const loaded = await loadSpec([join(root, 'missing.yaml')]);
    expect(loaded.documents).toEqual([]);
    expect(loaded.diagnostics).toHaveLength(1);
    expect(loaded.diagnostics[0]).toMatchObject({ code: 'DIET-F001', severity: 'error' });
    expect(loaded.diagnostics[0].summary).toContain('missing.yaml');
    expect(loaded.diagnostics[0].hint).toBeTruthy();
  });

  it('warns about a directory without spec files', async () => {
    const loaded = await loadSpec([join(root, 'empty')]);
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(['DIET-F004']);
  });

  it('passes YAML errors through with their file location', async () => {
    const loaded = await loadSpec([join(root, 'broken.yaml')]);
    expect(loaded.diagnostics[0]).toMatchObject({ code: 'DIET-Y002', range: { file: join(root, 'broken.yaml'), line: 2, col: 1 } });
  });

  // root reads every directory whatever its mode, so there is nothing to observe as root.
  it.skipIf(process.getuid?.() === 0)('reports an unreadable directory as a diagnostic, not a throw', async () => {
    const { chmod } = await import('node:fs/promises');
    const locked = join(root, 'locked');
    await mkdir(locked);
    await chmod(locked, 0o000);
    const loaded = await loadSpec([locked]);
    await chmod(locked, 0o755);
    expect(loaded.diagnostics[0]).toMatchObject({ code: 'DIET-F002' });
  });
});
