import type { ApplyEvents } from '../targets/live-target.js';
import type { Output } from './output.js';

/**
 * Progress of reads and applies as the CLI shows it: JSON lines on stdout with --json, one
 * self-overwriting line on stderr on a terminal, one line per new step otherwise (CI logs),
 * nothing with --quiet. `finish()` ends the terminal line.
 */
export function progressEvents(output: Output): ApplyEvents & { finish(): void } {
  const tty = Boolean(process.stderr.isTTY);
  let open = false;
  let lastStep = '';
  return {
    progress(e) {
      if (output.json) {
        output.out(JSON.stringify({ type: 'progress', target: e.target, phase: e.phase, done: e.done, total: e.total, ...(e.message ? { message: e.message } : {}) }));
        return;
      }
      if (output.quiet) return;
      const line = `${e.target} ${e.phase}: ${e.done}/${e.total}${e.message ? ` ${e.message}` : ''}`;
      if (tty) {
        process.stderr.write(`\r\x1b[K${line}`);
        open = true;
      } else {
        const step = `${e.target} ${e.phase} ${e.message ?? ''}`;
        if (step !== lastStep || e.done === e.total) output.err(line);
        lastStep = e.done === e.total ? '' : step;
      }
    },
    finish() {
      if (open) process.stderr.write('\r\x1b[K');
      open = false;
    },
  };
}
