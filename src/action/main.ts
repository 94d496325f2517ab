import { escapeData } from '../report/github/annotations.js';
import { run } from './run.js';
import { tuneHeapForScanning } from '../scan/heap.js';
import { tuneCompilerForScanning } from '../scan/jit.js';

tuneHeapForScanning();
tuneCompilerForScanning();

// The runner starts this file (action.yml: runs.main). run() never throws; the
// catch is for a failure outside it (a broken bundle), so the step still fails
// with one clear line instead of an unhandled rejection.
run().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stdout.write(`::error::${escapeData(`keyhound: internal error: ${error instanceof Error ? error.message : String(error)}`)}\n`);
    process.exitCode = 1;
  },
);
