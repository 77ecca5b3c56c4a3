import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError } from '../diag/errors.js';

/**
 * Creates a directory and its missing parents one level at a time (Node's recursive
 * mkdir can spin forever under /proc), turning failures into one-line errors.
 */
export function ensureDirectory(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) {
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing) {
    try {
      mkdirSync(d);
    } catch (e) {
      throw new ConfigError(`cannot create directory ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'choose a writable output location');
    }
  }
}

/** Write to a temp file and rename, so a crash never leaves a half-written file. */
export function writeFileAtomic(path: string, text: string): void {
  ensureDirectory(dirname(path));
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (e) {
    // The temp file may not exist, or its directory may not be one (ENOTDIR): best effort.
    try {
      rmSync(temp, { force: true });
    } catch {
      // nothing to clean up
    }
    throw new ConfigError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'choose a writable output location');
  }
}
