import type { FileSourceOptions } from '../sources/files.js';
import { prepareScan, type ScanSetup } from '../scan/setup.js';
import type { CliIO } from './io.js';
import { splitList } from './options.js';

/** The arguments prepareScan reads, as yargs gives them. */
export interface SetupArgs {
  config?: string;
  baseline?: string;
  rules?: string[];
  disable?: string[];
  'max-file-size'?: number;
  explain?: boolean;
  redact?: boolean;
  quiet?: boolean;
  'file-timeout'?: number;
}

/**
 * Resolves configuration for a scanning command: config file, rules,
 * allowlists, baseline. Prints the config's notices (gitleaks rules that
 * could not be translated, ...) on stderr unless `--quiet`.
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
    ...(args['max-file-size'] !== undefined ? { maxFileSize: args['max-file-size'] } : {}),
    explain: args.explain === true,
    redact: args.redact !== false,
    ...(args['file-timeout'] !== undefined ? { budgetMs: Math.round(args['file-timeout'] * 1000) } : {}),
  });
  if (!args.quiet) for (const notice of setup.notices) io.stderr.write(`keyhound: ${notice}\n`);
  return setup;
}

/** The arguments of `scan` (and `baseline create` over files) that shape the walk. */
export interface WalkArgs {
  gitignore: boolean;
  'follow-symlinks': boolean;
}

/** What a configured file scan is told, the same for `scan` and `baseline create`. */
export function fileSourceOptions(setup: ScanSetup, args: WalkArgs, io: CliIO, paths: readonly string[], root: string): FileSourceOptions {
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
