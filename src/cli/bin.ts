#!/usr/bin/env node
import { main } from './main.js';
import { processIO } from './io.js';

// The only place that sets the process exit code.
main(process.argv.slice(2), processIO()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`keyhound: ${(error as Error).message}\n`);
    process.exitCode = 2;
  },
);
