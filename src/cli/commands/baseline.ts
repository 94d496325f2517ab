import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { DEFAULT_BASELINE_NAME, newSalt, readBaseline, updateBaselineFile, type Baseline } from '../../config/baseline.js';
import { findRepositoryRoot } from '../../config/discover.js';
import { UsageError } from '../../core/errors.js';
import { Engine } from '../../detect/engine.js';
import { baselinePathMapper, updateEntries } from '../../scan/baseline.js';
import type { ScanReport } from '../../scan/collector.js';
import { scanFiles } from '../../scan/files.js';
import { scanRepositoryHistory } from '../../scan/git.js';
import { createScanner } from '../../scan/pool.js';
import type { ScanSetup } from '../../scan/setup.js';
import { openRepository } from '../../sources/git/repo.js';
import { STDIN_ARG } from '../options.js';
import { configOptions, fileScanOptions, setupScan, type SetupArgs } from '../setup.js';
import type { Outcome } from '../../scan/task.js';
import type { Command } from './types.js';
import { writeFileAtomicSync } from '../../report/write.js';

interface BaselineArgs extends SetupArgs {
  _: (string | number)[];
  paths: string[];
  gitignore: boolean;
  'follow-symlinks': boolean;
  gitattributes: boolean;
  threads?: number;
  git: boolean;
  range?: string;
}

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
  builder: (yargs) =>
    configOptions(yargs)
      .positional('action', {
        choices: ['create', 'update'] as const,
        describe: 'create: write all current findings; update: add new ones and prune stale entries',
      })
      .positional('paths', { type: 'string', array: true, default: ['.'], describe: 'Files and folders to scan' })
      .option('rules', { type: 'string', array: true, describe: 'Extra rule files or folders (YAML, see docs/rules.md)' })
      .option('disable', { type: 'string', array: true, describe: 'Rule ids to turn off (comma-separated or repeated)' })
      .option('max-file-size', { type: 'string', describe: 'Skip files larger than this (bytes, or with KB/MB/GB); default 10MB' })
      .option('gitignore', { type: 'boolean', default: true, describe: 'Honour .gitignore files' })
      .option('follow-symlinks', { type: 'boolean', default: false, describe: 'Follow symlinks that stay inside the scanned folder' })
      .option('git', {
        type: 'boolean',
        default: false,
        describe: 'Accept the findings of the git history of the repository at PATH (as keyhound git) instead of its files',
      })
      .option('range', { type: 'string', describe: 'With --git: only commits in this range (base..head); update then prunes nothing' })
      .option('gitattributes', {
        type: 'boolean',
        default: true,
        describe: 'Mark the baseline merge=union in .gitattributes so branches that each add entries merge cleanly',
      })
      .option('threads', { alias: 'j', type: 'number', describe: 'Scanning threads (default: all cores)' })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No summary on stderr' }),
  async run(argv, io) {
    const args = argv as unknown as BaselineArgs & { action: 'create' | 'update' };
    if (args.paths.includes(STDIN_ARG))
      throw new UsageError('baseline: standard input has no path to accept findings under; name files or folders');
    if (args.range && !args.git) throw new UsageError('--range needs --git');
    if (args.git && args.paths.length > 1) throw new UsageError('--git takes one repository');
    let targets = args.paths.map((p) => path.resolve(io.cwd, p));
    let root = targets.length === 1 && statSync(targets[0]!, { throwIfNoEntry: false })?.isDirectory() ? targets[0]! : io.cwd;
    let scan: (setup: ScanSetup) => Promise<ScanReport>;
    if (args.git) {
      const repo = await openRepository(targets[0]!, io.env);
      root = repo.workTree ?? repo.gitDir;
      // The whole history covers every path; a range covers none for certain, so it prunes nothing.
      targets = args.range ? [] : [root];
      scan = (setup) =>
        scanRepositoryHistory(new Engine(setup.rules, setup.engineOptions), repo, {
          ...(args.range ? { range: args.range } : {}),
          maxFileSize: setup.maxFileSize,
          ...(setup.skipPath ? { skipPath: setup.skipPath } : {}),
          env: io.env,
        });
    } else {
      scan = async (setup) => {
        const scanner = createScanner(setup.rules, setup.engineOptions, Math.max(1, Math.floor(args.threads ?? availableParallelism())));
        // Files read as text (binaries get only the certain rules): only they can prove an entry gone.
        const onOutcome = (outcome: Outcome): void => {
          if (outcome.kind === 'scanned' && outcome.encoding !== 'binary') scannedFiles.add(outcome.path);
        };
        return scanFiles(scanner, { ...fileScanOptions(setup, args, io, targets, root), onOutcome }).finally(() => scanner.close());
      };
    }
    const scannedFiles = new Set<string>();
    const setup = await setupScan(args, io, root, { baseline: false });
    const file = args.baseline
      ? path.resolve(io.cwd, args.baseline)
      : (setup.config.baseline?.value ?? path.join(root, DEFAULT_BASELINE_NAME));
    // Read first so a broken baseline stops the run before the scan; the update reads it again under its lock.
    if (existsSync(file)) readBaseline(file);
    const report = await scan(setup);

    const toPath = baselinePathMapper(file, root);
    const base = path.dirname(file);
    const covered = (entryPath: string): boolean => {
      const absolute = path.resolve(base, entryPath);
      return targets.some((t) => absolute === t || absolute.startsWith(t.endsWith(path.sep) ? t : t + path.sep));
    };
    // An entry is pruned only where the scan knows what its path holds now, with its rule on: the file
    // was read as text, or it is gone. The history covers every path it has.
    const enabled = new Set(setup.rules.filter((r) => r.report !== false).map((r) => r.id));
    const read = new Set([...scannedFiles].map(toPath));
    const scanned = (entryPath: string, ruleId: string): boolean =>
      enabled.has(ruleId) &&
      covered(entryPath) &&
      (args.git || read.has(entryPath) || !lstatSync(path.resolve(base, entryPath), { throwIfNoEntry: false }));
    const { previous, changed: change } = await updateBaselineFile(file, (latest: Baseline | undefined) => {
      const salt = latest?.salt ?? newSalt();
      return { salt, ...updateEntries(report.findings, salt, args.action === 'update' ? (latest?.entries ?? []) : [], toPath, scanned) };
    });
    const attributes = args.gitattributes ? markUnionMerge(file) : undefined;
    if (!args.quiet) {
      const shown = path.relative(io.cwd, file) || file;
      const verb = !previous ? 'created' : args.action === 'create' ? 'replaced' : 'updated';
      io.stderr.write(
        `keyhound: ${verb} ${shown}: ${change.entries.length} entr${change.entries.length === 1 ? 'y' : 'ies'} (${change.added} added, ${change.kept} kept, ${change.pruned} pruned)\n`,
      );
      if (attributes)
        io.stderr.write(
          `keyhound: marked it merge=union in ${path.relative(io.cwd, attributes) || attributes}, so branches that each add entries merge without conflicts\n`,
        );
      if (!setup.config.baseline && !args.baseline && verb === 'created') {
        io.stderr.write(
          `keyhound: scan with --baseline ${shown}, or add "baseline: ${path
            .relative(setup.config.file ? path.dirname(setup.config.file) : root, file)
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
