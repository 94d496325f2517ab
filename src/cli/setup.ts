import type { Argv } from 'yargs';
import type { FileScanOptions } from '../scan/files.js';
import { prepareScan, type ScanSetup } from '../scan/setup.js';
import type { CliIO } from './io.js';
import { UsageError } from '../core/errors.js';
import { parseSize, splitList } from './options.js';

/** `--config` and `--baseline`, for every scanning command (commonOptions adds them too). */
export function configOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('config', {
      alias: 'c',
      type: 'string',
      describe: 'Config file: a .keyhound.yaml or a gitleaks .gitleaks.toml (default: found in the scanned folder or repository root)',
    })
    .option('baseline', {
      type: 'string',
      describe: 'Report only findings not in this baseline file (keyhound baseline create writes one)',
    });
}

/** The arguments prepareScan reads, as yargs gives them. */
export interface SetupArgs {
  config?: string;
  baseline?: string;
  rules?: string[];
  disable?: string[];
  'max-file-size'?: string;
  explain?: boolean;
  redact?: boolean;
  quiet?: boolean;
  'file-timeout'?: number;
}

/**
 * Resolves configuration for a scanning command (scan, git, staged): config
 * file, rules, allowlists, baseline. Prints the config's notices (gitleaks
 * rules that could not be translated, ...) on stderr unless `--quiet`. Call
 * `setup.finish(report)` on the report before rendering it.
 */
export async function setupScan(args: SetupArgs, io: CliIO, root: string, extra: { baseline?: false } = {}): Promise<ScanSetup> {
  const setup = await prepareScan({
    cwd: io.cwd,
    env: io.env,
    root,
    ...(args.config ? { config: args.config } : {}),
    ...(extra.baseline === false ? { baseline: false as const } : args.baseline ? { baseline: args.baseline } : {}),
    ruleFiles: args.rules ?? [],
    disable: splitList(args.disable),
    ...(args['max-file-size'] ? { maxFileSize: parseSize(args['max-file-size']) } : {}),
    explain: args.explain === true,
    redact: args.redact !== false,
    ...(args['file-timeout'] !== undefined ? { budgetMs: fileTimeoutMs(args['file-timeout']) } : {}),
  });
  if (!args.quiet) for (const notice of setup.notices) io.stderr.write(`keyhound: ${notice}\n`);
  return setup;
}

/** `--file-timeout` seconds → the engine's per-chunk budget in milliseconds (0: none). */
export function fileTimeoutMs(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds < 0)
    throw new UsageError(`--file-timeout: "${seconds}" must be a number of seconds (0 for no limit)`);
  return Math.round(seconds * 1000);
}

/** The arguments of `scan` (and `baseline create` over files) that shape the walk. */
export interface WalkArgs {
  gitignore: boolean;
  'follow-symlinks': boolean;
}

/** What a configured file scan is told, the same for `scan` and `baseline create`. */
export function fileScanOptions(setup: ScanSetup, args: WalkArgs, io: CliIO, paths: readonly string[], root: string): FileScanOptions {
  return {
    paths,
    root,
    stdin: io.stdin,
    gitignore: args.gitignore,
    followSymlinks: args['follow-symlinks'],
    maxFileSize: setup.maxFileSize,
    skipDirectories: setup.skipDirectories,
    // The config's allowlist (setup.skipPath) replaces the built-in path list.
    skipPaths: [],
    ...(setup.skipPath ? { skipPath: setup.skipPath } : {}),
  };
}
