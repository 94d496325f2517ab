import { statSync } from 'node:fs';
import path from 'node:path';
import { printConfig, resolvedData } from '../../config/print.js';
import { builtinRules } from '../../rules/builtin.js';
import { withOptions } from '../options.js';
import { setupScan } from '../setup.js';
import type { Command } from './types.js';

/** `keyhound config print [path]`: the fully resolved configuration, with where each value came from. */
export const configCommand: Command = {
  command: 'config <action> [path]',
  describe: 'Show the configuration a scan of PATH would use (config file, default path allowlist, rules, baseline)',
  builder: (yargs) =>
    withOptions(yargs, ['config', 'baseline'])
      .positional('action', { choices: ['print'] as const, describe: 'print: the fully resolved config as YAML (or JSON)' })
      .positional('path', {
        type: 'string',
        default: '.',
        describe: 'The folder a scan would start from (config files are found there or at its repository root)',
      })
      // Not the scanning commands' report format: this prints configuration.
      .option('format', { alias: 'f', choices: ['yaml', 'json'] as const, default: 'yaml' as const, describe: 'Output format' }),
  async run(argv, io) {
    const args = argv as unknown as { path: string; config?: string; baseline?: string; format: 'yaml' | 'json' };
    const target = path.resolve(io.cwd, args.path);
    const root = statSync(target, { throwIfNoEntry: false })?.isDirectory() ? target : path.dirname(target);
    // Validates everything a scan would (rule ids, baseline file), so a config that prints is a config that scans.
    const setup = await setupScan(
      { ...(args.config ? { config: args.config } : {}), ...(args.baseline ? { baseline: args.baseline } : {}), quiet: true },
      io,
      root,
    );
    const config = args.baseline ? { ...setup.config, baseline: { value: path.resolve(io.cwd, args.baseline), at: {} } } : setup.config;
    if (args.format === 'json') {
      io.stdout.write(
        `${JSON.stringify({ file: config.file ?? null, kind: config.kind, ...resolvedData(config), notices: setup.notices }, null, 2)}\n`,
      );
      return 0;
    }
    const builtinIds = new Set(config.extends === 'default' ? builtinRules().map((r) => r.id) : []);
    io.stdout.write(
      printConfig(config, {
        root,
        ruleCount: setup.rules.filter((r) => r.report !== false).length,
        builtinCount: setup.rules.filter((r) => builtinIds.has(r.id) && r.report !== false).length,
        notices: setup.notices,
      }),
    );
    return 0;
  },
};
