/**
 * Reads spec files and directories from disk: the only IO of the spec stage. Problems
 * with paths become diagnostics (never exceptions) so `diet validate` can list them with
 * everything else.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../diag/diagnostic.js';
import { createDiagnostic, LOAD_CODES } from './load-codes.js';
import type { LoadedSpec, SpecDocument } from './loaded-spec.js';
import { MAX_SPEC_BYTES, parseSpecText } from './parse-spec-text.js';

const SPEC_FILE = /\.ya?ml$/;

/** Loads files and directories (their `*.yaml`/`*.yml`, file-name order, not recursive). */
export async function loadSpec(paths: readonly string[]): Promise<LoadedSpec> {
  const documents: SpecDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    const files = await expandPath(path, diagnostics);
    for (const file of files) {
      // The same file named twice (directly and through its directory) is read once, or
      // every id in it would be reported as a duplicate of itself.
      const absolute = resolve(file);
      if (seen.has(absolute)) continue;
      seen.add(absolute);
      const loaded = await loadFile(file);
      documents.push(...loaded.documents);
      diagnostics.push(...loaded.diagnostics);
    }
  }
  return { documents, diagnostics };
}

async function expandPath(path: string, diagnostics: Diagnostic[]): Promise<string[]> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    diagnostics.push(pathDiagnostic(path, error));
    return [];
  }
  if (!info.isDirectory()) return [path];
  let names: string[];
  try {
    names = await readdir(path);
  } catch (error) {
    diagnostics.push(pathDiagnostic(path, error));
    return [];
  }
  // Code-point order, not locale order, so every machine reads the files the same way.
  const candidates = names.filter((name) => SPEC_FILE.test(name)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const files: string[] = [];
  for (const name of candidates) {
    const file = join(path, name);
    const entry = await stat(file).catch(() => undefined);
    if (entry?.isFile()) files.push(file);
  }
  if (files.length === 0) {
    diagnostics.push(createDiagnostic(LOAD_CODES.noDocuments, `directory ${path} has no *.yaml or *.yml files`));
  }
  return files;
}

async function loadFile(file: string): Promise<LoadedSpec> {
  try {
    const info = await stat(file);
    if (info.size > MAX_SPEC_BYTES) {
      const summary = `${file} is ${info.size} bytes, larger than the ${MAX_SPEC_BYTES / 1024 / 1024} MiB limit`;
      return { documents: [], diagnostics: [createDiagnostic(LOAD_CODES.fileTooLarge, summary)] };
    }
    return parseSpecText(await readFile(file, 'utf8'), file);
  } catch (error) {
    return { documents: [], diagnostics: [pathDiagnostic(file, error)] };
  }
}

function pathDiagnostic(path: string, error: unknown): Diagnostic {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return createDiagnostic(LOAD_CODES.fileNotFound, `${path} does not exist`);
  }
  const reason = error instanceof Error ? error.message : String(error);
  return createDiagnostic(LOAD_CODES.fileUnreadable, `cannot read ${path}: ${reason}`);
}
