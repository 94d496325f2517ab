#!/usr/bin/env node
// The entry point of the pre-commit framework's hooks (.pre-commit-hooks.yaml):
// `keyhound-pre-commit staged|push [ARGS..]`.
//
// The hook definitions declare no `stages`: pre-commit 3.0 (Debian 12's
// package) rejects the stage names `pre-commit`/`pre-push`, and pre-commit 4
// warns about the old names `commit`/`push`, so no `stages` value loads
// cleanly in both. A hook without `stages` runs in every stage the user
// installed, so this entry finds the stage itself. pre-commit tells a hook
// about a push only through its environment: the pushed range
// (PRE_COMMIT_FROM_REF/TO_REF) or, for a branch new to the remote, the local
// branch (PRE_COMMIT_LOCAL_BRANCH); the same variables that `keyhound git
// --pre-push` reads. So:
//   staged: `keyhound staged`, except during a push (nothing to do there);
//   push:   `keyhound git --pre-push` during a push, nothing otherwise.
// It then runs the committed CLI bundle in this process (no second Node start).
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const USAGE = 'usage: keyhound-pre-commit staged|push [ARGS..] (the pre-commit framework runs this; see README, "Pre-commit hooks")';
const COMMANDS = { staged: ['staged'], push: ['git', '--pre-push'] };

const [mode, ...rest] = process.argv.slice(2);
if (mode !== 'staged' && mode !== 'push') {
  process.stderr.write(`keyhound-pre-commit: ${mode === undefined ? 'no mode given' : `unknown mode "${mode}"`}\n${USAGE}\n`);
  process.exit(2);
}
const env = process.env;
const pushing = Boolean((env.PRE_COMMIT_FROM_REF && env.PRE_COMMIT_TO_REF) || env.PRE_COMMIT_LOCAL_BRANCH);
if (pushing !== (mode === 'push')) {
  // pre-commit shows this only with --verbose, or when a hook fails.
  process.stdout.write(`keyhound: nothing to do in this stage (the ${pushing ? 'keyhound-push' : 'keyhound'} hook scans it)\n`);
  process.exit(0);
}
const cli = new URL('../dist/cli/keyhound.js', import.meta.url);
process.argv = [process.argv[0], fileURLToPath(cli), ...COMMANDS[mode], ...rest];
await import(cli.href);
