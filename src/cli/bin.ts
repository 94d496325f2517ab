#!/usr/bin/env node
import { main } from './main.js';
import { processIO } from './io.js';
import { setWorkerScript } from '../scan/pool.js';

// The bundle's scanning threads run worker.js from this file's folder.
setWorkerScript(new URL('./worker.js', import.meta.url));

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
