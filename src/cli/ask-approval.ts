import { createInterface } from 'node:readline/promises';
import { NotApprovedError } from '../diag/errors.js';
import type { Output } from './output.js';

/** Asks one question on the terminal (prompt on stderr, so stdout stays the plan) and returns the trimmed answer. */
export async function askApproval(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

/**
 * Asks for `yes` before a command writes to live targets. Without a terminal there is no one
 * to ask: refused (NotApprovedError) with a hint naming `--auto-approve`.
 */
export async function requireApproval(output: Output, what: string, hint: string): Promise<void> {
  if (!process.stdin.isTTY) throw new NotApprovedError(`refusing to ${what} without approval: stdin is not a terminal`, hint);
  const answer = await askApproval('Do you want to perform these actions? Only \'yes\' will be accepted: ');
  if (answer !== 'yes') throw new NotApprovedError(`${what} cancelled: the answer was not 'yes'`, 'nothing was changed');
  if (!output.quiet) output.err('');
}
