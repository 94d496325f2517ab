import path from 'node:path';
import { openRepository } from '../../sources/git/repo.js';
import { currentEntry, hookLocation, installHook, uninstallHook } from '../hooks.js';
import { withOptions } from '../options.js';
import type { Command } from './types.js';

interface HookArgs {
  action: 'install' | 'uninstall';
  repo: string;
  force: boolean;
  quiet: boolean;
}

/** `keyhound hook install|uninstall`: the git pre-commit hook that runs `keyhound staged`. */
export const hookCommand: Command = {
  command: 'hook <action> [repo]',
  describe: 'Install or remove the git pre-commit hook that runs keyhound staged',
  builder: (yargs) =>
    withOptions(yargs, ['force', 'quiet'], { quiet: { describe: 'Print nothing on success' } })
      .positional('action', {
        choices: ['install', 'uninstall'] as const,
        describe: "install: write the hook; uninstall: remove it (only if it is keyhound's)",
      })
      .positional('repo', { type: 'string', default: '.', describe: 'The repository (any folder in its work tree)' }),
  async run(argv, io) {
    const args = argv as unknown as HookArgs;
    const repo = await openRepository(path.resolve(io.cwd, args.repo), io.env);
    const location = await hookLocation(repo);
    const shown = path.relative(io.cwd, location.file) || location.file;
    if (args.action === 'install') {
      const { node, entry } = currentEntry();
      const result = installHook(location, node, entry, args.force);
      if (!args.quiet) {
        const verb = result.replaced === 'ours' ? 'updated' : 'installed';
        io.stdout.write(`keyhound: ${verb} ${shown}: each commit is scanned with ${entry} (falls back to keyhound on PATH)\n`);
        if (result.backup)
          io.stdout.write(`keyhound: the previous hook is kept as ${path.relative(io.cwd, result.backup) || result.backup}\n`);
      }
      return 0;
    }
    const result = uninstallHook(location);
    if (!args.quiet) {
      if (result.status === 'absent') io.stdout.write(`keyhound: no pre-commit hook at ${shown}; nothing to remove\n`);
      else io.stdout.write(`keyhound: removed ${shown}${result.restored ? ' and put the previous hook back' : ''}\n`);
    }
    return 0;
  },
};
