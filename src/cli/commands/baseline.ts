import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_BASELINE_NAME, newSalt, readBaseline, updateBaselineFile, type Baseline } from '../../config/baseline.js';
import { findRepositoryRoot } from '../../config/discover.js';
import { UsageError } from '../../core/errors.js';
import { writeFileAtomicSync } from '../../io/write.js';
import { baselinePathMapper, updateEntries } from '../../scan/baseline.js';
import type { ScanSetup } from '../../scan/setup.js';
import { FileSource } from '../../sources/files.js';
import { HistorySource } from '../../sources/git/history-scan.js';
import { openRepository, type Repository } from '../../sources/git/repo.js';
import type { Source } from '../../sources/source.js';
import { STDIN_ARG, withOptions, type ScanArgs } from '../options.js';
import { scanAndReport } from '../pipeline.js';
import { fileSourceOptions, type WalkArgs } from '../setup.js';
import type { Command } from './types.js';

type BaselineArgs = ScanArgs &
  WalkArgs & {
    action: 'create' | 'update';
    paths?: string[];
    gitattributes: boolean;
    git: boolean;
    range?: string;
  };

/**
 * `keyhound baseline create|update [paths..]`: scans like `keyhound scan`
 * (same config, rules and allowlists, no baseline), or like `keyhound git`
 * with `--git`, and writes the findings as accepted. `update` keeps what
 * still matches, adds new findings and prunes entries that match nothing
 * where it looked.
 */
export const baselineCommand: Command = {
  command: 'baseline <action> [paths..]',
  describe: 'Accept the current findings: create or update a baseline (salted hashes, never secrets)',
  rest: 'paths',
  builder: (yargs) =>
    withOptions(
      yargs,
      [
        'config',
        'baseline',
        'rules',
        'disable',
        'max-file-size',
        'file-timeout',
        'threads',
        'quiet',
        'verbose',
        'gitignore',
        'follow-symlinks',
        'git',
        'range',
        'gitattributes',
      ],
      {
        baseline: {
          describe: "The baseline file to write (default: the config's baseline, else .keyhound-baseline.jsonl in the scanned folder)",
        },
        range: { describe: 'With --git: only commits in this range (base..head); update then prunes nothing' },
        quiet: { describe: 'No summary on stderr' },
      },
    )
      .positional('action', {
        choices: ['create', 'update'] as const,
        describe: 'create: write all current findings; update: add new ones and prune stale entries',
      })
      .positional('paths', { type: 'string', array: true, describe: 'Files and folders to scan (default: the current folder)' }),
  async run(argv, io) {
    const args = argv as unknown as BaselineArgs;
    const paths = args.paths?.length ? args.paths : ['.'];
    if (paths.includes(STDIN_ARG))
      throw new UsageError('baseline: standard input has no path to accept findings under; name files or folders');
    if (args.range && !args.git) throw new UsageError('--range needs --git');
    if (args.git && paths.length > 1) throw new UsageError('--git takes one repository');
    let targets = paths.map((p) => path.resolve(io.cwd, p));
    let root = targets.length === 1 && statSync(targets[0]!, { throwIfNoEntry: false })?.isDirectory() ? targets[0]! : io.cwd;
    let repo: Repository | undefined;
    if (args.git) {
      repo = await openRepository(targets[0]!, io.env);
      root = repo.workTree ?? repo.gitDir;
      // The whole history covers every path; a range covers none for certain, so it prunes nothing.
      targets = args.range ? [] : [root];
    }
    let setup: ScanSetup | undefined;
    let target = '';
    const source = (configured: ScanSetup): Source => {
      setup = configured;
      // A malformed baseline fails here, before the scan; the update reads it again under its lock.
      target = args.baseline
        ? path.resolve(io.cwd, args.baseline)
        : (configured.config.baseline?.value ?? path.join(root, DEFAULT_BASELINE_NAME));
      if (existsSync(target)) readBaseline(target);
      if (repo) {
        return new HistorySource(repo, {
          ...(args.range ? { range: args.range } : {}),
          maxFileSize: configured.maxFileSize,
          ...(configured.skipPath ? { skipPath: configured.skipPath } : {}),
          partitions: args.threads,
        });
      }
      return new FileSource(fileSourceOptions(configured, args, io, targets, root));
    };
    // Files read as text (binaries get only the certain rules): only they can prove an entry gone.
    const scannedFiles = new Set<string>();
    const { report } = await scanAndReport({
      io,
      args,
      configRoot: root,
      source,
      baseline: false,
      noReport: true,
      events: {
        scanned: (file, _bytes, encoding) => {
          if (encoding !== 'binary') scannedFiles.add(file);
        },
      },
    });

    const toPath = baselinePathMapper(target, root);
    const base = path.dirname(target);
    const covered = (entryPath: string): boolean => {
      const absolute = path.resolve(base, entryPath);
      return targets.some((t) => absolute === t || absolute.startsWith(t.endsWith(path.sep) ? t : t + path.sep));
    };
    // An entry is pruned only where the scan knows what its path holds now, with its rule on: the file
    // was read as text, or it is gone. The history covers every path it has.
    const enabled = new Set((setup?.rules ?? []).filter((r) => r.report !== false).map((r) => r.id));
    const read = new Set([...scannedFiles].map(toPath));
    const scanned = (entryPath: string, ruleId: string): boolean =>
      enabled.has(ruleId) &&
      covered(entryPath) &&
      (args.git || read.has(entryPath) || !lstatSync(path.resolve(base, entryPath), { throwIfNoEntry: false }));
    const { previous, changed: change } = await updateBaselineFile(target, (latest: Baseline | undefined) => {
      const salt = latest?.salt ?? newSalt();
      return { salt, ...updateEntries(report.findings, salt, args.action === 'update' ? (latest?.entries ?? []) : [], toPath, scanned) };
    });
    const attributes = args.gitattributes ? markUnionMerge(target) : undefined;
    if (!args.quiet) {
      const shown = path.relative(io.cwd, target) || target;
      const verb = !previous ? 'created' : args.action === 'create' ? 'replaced' : 'updated';
      io.stderr.write(
        `keyhound: ${verb} ${shown}: ${change.entries.length} entr${change.entries.length === 1 ? 'y' : 'ies'} (${change.added} added, ${change.kept} kept, ${change.pruned} pruned)\n`,
      );
      if (attributes)
        io.stderr.write(
          `keyhound: marked it merge=union in ${path.relative(io.cwd, attributes) || attributes}, so branches that each add entries merge without conflicts\n`,
        );
      if (!setup?.config.baseline && !args.baseline && verb === 'created') {
        io.stderr.write(
          `keyhound: scan with --baseline ${shown}, or add "baseline: ${path
            .relative(setup?.config.file ? path.dirname(setup.config.file) : root, target)
            .split(path.sep)
            .join('/')}" to .keyhound.yaml\n`,
        );
      }
    }
    return 0;
  },
};

/**
 * Adds `/<baseline> merge=union` to the repository's `.gitattributes` unless a
 * line for the file is there. Union merge takes both sides' lines: right for a
 * sorted file of independent entries. Returns the file changed, if any.
 */
export function markUnionMerge(baselineFile: string): string | undefined {
  const repo = findRepositoryRoot(path.dirname(baselineFile));
  if (!repo) return undefined;
  const relative = path.relative(repo, baselineFile).split(path.sep).join('/');
  const attributes = path.join(repo, '.gitattributes');
  const text = existsSync(attributes) ? readFileSync(attributes, 'utf8') : '';
  const names = new Set([relative, `/${relative}`, path.posix.basename(relative)]);
  if (text.split(/\r?\n/).some((line) => names.has(line.trim().split(/\s+/)[0] ?? ''))) return undefined;
  const line = `/${relative} merge=union`;
  writeFileAtomicSync(attributes, `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${line}\n`);
  return attributes;
}
