#!/usr/bin/env node
// Thin launcher: all behaviour lives in the compiled CLI module.
import { main } from '../dist/cli/main.js';

// A closed pipe (`diet export cabling | head`) is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

main(process.argv).then((code) => {
  process.exitCode = code;
});
