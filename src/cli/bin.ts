#!/usr/bin/env node
import { main } from './main.js';
import { processIO } from './io.js';
import { setWorkerScript } from '../scan/spawn.js';
import { tuneHeapForScanning } from '../scan/heap.js';
import { tuneCompilerForScanning } from '../scan/jit.js';

tuneHeapForScanning();
tuneCompilerForScanning();

// The bundle's scanning threads run worker.js from this file's folder.
setWorkerScript(new URL('./worker.js', import.meta.url));

/**
 * A reader that went away (`keyhound rules list | head -1`) ends the run
 * quietly, as the pipe's writer does in any Unix tool: with the status of
 * a process stopped by SIGPIPE (128 + 13), never a stack trace, and never 0,
 * since the report did not reach its reader whole.
 */
const SIGPIPE_STATUS = 141;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(SIGPIPE_STATUS);
    throw error;
  });
}

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
