import { existsSync } from 'node:fs';
import { ConfigError } from '../diag/errors.js';

/** `-f` paths, or the conventional defaults `diet.yaml` / `spec/` in the current directory. */
export function resolveSpecPaths(given: readonly string[] | undefined): string[] {
  if (given && given.length > 0) return [...given];
  for (const candidate of ['diet.yaml', 'diet.yml', 'spec']) if (existsSync(candidate)) return [candidate];
  throw new ConfigError('no spec given and no diet.yaml or spec/ here', 'pass the spec with -f FILE|DIR (e.g. `diet plan -f examples/128gpu`), or run `diet init`');
}
