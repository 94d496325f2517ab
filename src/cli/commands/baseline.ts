import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_BASELINE_NAME, readBaseline, updateBaselineFile, type Baseline } from '../../config/baseline.js';
import { BaselineHashes, currentForm, isCurrentForm, type BaselineForm } from '../../config/baseline-hash.js';
import { findRepositoryRoot } from '../../config/discover.js';
import { ConfigError, UsageError } from '../../core/errors.js';
import type { FingerprintKey } from '../../core/fingerprint.js';
import { printable } from '../../core/printable.js';
import { writeFileAtomicSync } from '../../io/write.js';
import { baselinePathMapper, entriesUnder, updateEntries, type BaselineChange, type ScannedPredicate } from '../../scan/baseline.js';
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
    action: 'create' | 'update' | 'migrate';
    paths?: string[];
    gitattributes: boolean;
    git: boolean;
    range?: string;
  };

/** Entries left in an older form that `migrate` names one by one; the rest are counted. */
const LISTED = 20;

/**
 * `keyhound baseline create|update|migrate [paths..]`: scans like `keyhound
 * scan` (same config, rules and allowlists, no baseline), or like `keyhound
 * git` with `--git`, and writes the findings as accepted. `update` keeps what
 * still matches, adds new findings and prunes entries that match nothing
 * where it looked. `migrate` rewrites a version 1 baseline (or an unkeyed one,
 * with `KEYHOUND_FINGERPRINT_KEY` set) in the current form: the entries whose
 * secrets the scan finds again; the others are kept in their old form,
 * counted and listed. `update` rewrites the entries it finds again too.
 */
export const baselineCommand: Command = {
  command: 'baseline <action> [paths..]',
  describe: 'Accept the current findings: create, update or migrate a baseline (memory-hard hashes, never secrets)',
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
        choices: ['create', 'update', 'migrate'] as const,
        describe:
          'create: write all current findings; update: add new ones and prune stale entries; migrate: rewrite a version 1 (or unkeyed) baseline as version 2, keeping entries the scan does not find again in their old form',
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
      // A malformed baseline, or one this run cannot change, fails here, before the scan; the change reads it again under its lock.
      target = args.baseline
        ? path.resolve(io.cwd, args.baseline)
        : (configured.config.baseline?.value ?? path.join(root, DEFAULT_BASELINE_NAME));
      const existing = existsSync(target) ? readBaseline(target) : undefined;
      nextForm(args.action, existing, configured.key, target);
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
    const { previous, changed } = await updateBaselineFile(target, (latest: Baseline | undefined) => {
      const form = nextForm(args.action, latest, setup?.key, target);
      if (!form) return undefined;
      const hashes = new BaselineHashes(form, setup?.key, target);
      const previous = args.action === 'create' || !latest ? [] : entriesUnder(latest, form.keyCheck !== undefined);
      return {
        ...form,
        ...updateEntries(report.findings, hashes, previous, toPath, scanned, args.action === 'migrate' ? 'migrate' : 'update'),
      };
    });
    const attributes = args.gitattributes ? markUnionMerge(target) : undefined;
    if (!args.quiet) {
      const shown = path.relative(io.cwd, target) || target;
      if (!changed) io.stderr.write(`keyhound: ${shown} is already version 2${setup?.key ? ', keyed' : ''}; nothing to migrate\n`);
      else if (args.action === 'migrate') io.stderr.write(migrationSummary(shown, changed, setup?.key !== undefined, scanned));
      else {
        const verb = !previous ? 'created' : args.action === 'create' ? 'replaced' : 'updated';
        io.stderr.write(summary(verb, shown, changed));
        if (changed.migrated > 0)
          io.stderr.write(`keyhound: ${changed.migrated} of them rewritten from an older form (version 1 or unkeyed) as version 2\n`);
        io.stderr.write(legacySummary(changed, scanned));
        if (!setup?.config.baseline && !args.baseline && verb === 'created') {
          io.stderr.write(
            `keyhound: scan with --baseline ${shown}, or add "baseline: ${path
              .relative(setup?.config.file ? path.dirname(setup.config.file) : root, target)
              .split(path.sep)
              .join('/')}" to .keyhound.yaml\n`,
          );
        }
      }
      if (attributes)
        io.stderr.write(
          `keyhound: marked it merge=union in ${path.relative(io.cwd, attributes) || attributes}, so branches that each add entries merge without conflicts\n`,
        );
    }
    return 0;
  },
};

/**
 * The form the action writes (salt, key check), or undefined when `migrate`
 * has nothing to do; throws when the baseline cannot be changed so:
 * `migrate` of none, a keyed baseline without its key. `create` keeps the
 * salt of a baseline already in the current form, so unchanged findings keep
 * their lines; `update` and `migrate` keep the salt (entries left in an older
 * form need it) and write the current form, keyed when the key is set.
 */
function nextForm(
  action: BaselineArgs['action'],
  existing: Baseline | undefined,
  key: FingerprintKey | undefined,
  file: string,
): WrittenForm | undefined {
  if (action === 'create') return written(existing && isCurrentForm(existing, key) ? existing : currentForm(key));
  if (!existing) {
    if (action === 'update') return written(currentForm(key));
    throw new ConfigError([{ file, message: 'no such baseline file to migrate; create one with `keyhound baseline create`' }]);
  }
  // Throws for a keyed baseline without its key: update and migrate both need its hashes.
  new BaselineHashes(existing, key, file);
  if (action === 'migrate' && isCurrentForm(existing, key) && !existing.entries.some((e) => e.legacy)) return undefined;
  return written({ ...currentForm(key), salt: existing.salt });
}

/** What the file's header takes from a form (always version 2). */
type WrittenForm = Pick<BaselineForm, 'salt' | 'keyCheck'> & { version: 2 };

function written(form: BaselineForm): WrittenForm {
  return { version: 2, salt: form.salt, ...(form.keyCheck !== undefined ? { keyCheck: form.keyCheck } : {}) };
}

function summary(verb: string, shown: string, change: BaselineChange): string {
  const n = change.entries.length;
  return `keyhound: ${verb} ${shown}: ${n} entr${n === 1 ? 'y' : 'ies'} (${change.added} added, ${change.kept} kept, ${change.pruned} pruned)\n`;
}

/** What `migrate` did. */
function migrationSummary(shown: string, change: BaselineChange, keyed: boolean, scanned: ScannedPredicate): string {
  const n = change.migrated;
  return `keyhound: migrated ${shown} to version 2${keyed ? ', keyed' : ''}: ${n} entr${n === 1 ? 'y' : 'ies'} rewritten, ${change.legacy.length} kept in an older form\n${legacySummary(change, scanned)}`;
}

/** The entries left in an older form, named (path, line hint, rule: never more), and why. */
function legacySummary(change: BaselineChange, scanned: ScannedPredicate): string {
  const { legacy } = change;
  if (legacy.length === 0) return '';
  const unread = legacy.filter((e) => !scanned(e.path, e.rule)).length;
  const lines = [
    `keyhound: ${legacy.length} entr${legacy.length === 1 ? 'y' : 'ies'} kept in an older form (${[...new Set(legacy.map((e) => e.legacy))].join(', ')}): this scan did not find ${legacy.length === 1 ? 'its secret' : 'their secrets'} again, and a hash cannot be rewritten without its secret; they still suppress, and stay as easy to test guesses against as before:`,
    ...legacy.slice(0, LISTED).map((e) => `  ${printable(e.path)}${e.line ? `:${e.line}` : ''} [${printable(e.rule)}]`),
  ];
  if (legacy.length > LISTED) lines.push(`  ... and ${legacy.length - LISTED} more`);
  if (unread > 0)
    lines.push(
      `keyhound: ${unread} of them ${unread === 1 ? 'is' : 'are'} where this scan did not look (a path not given, a file skipped, a rule turned off); migrate over what \`baseline create\` scanned to rewrite them, or remove them and accept the findings again`,
    );
  return `${lines.join('\n')}\n`;
}

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
