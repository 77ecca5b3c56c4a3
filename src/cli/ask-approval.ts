import { createInterface } from 'node:readline/promises';

/** Asks one question on the terminal (prompt on stderr, so stdout stays the plan) and returns the trimmed answer. */
export async function askApproval(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}
