import { run } from './run.js';

// The runner starts this file (action.yml: runs.main). run() never throws; the
// exit code is the only signal besides what it printed.
void run().then((code) => {
  process.exitCode = code;
});
