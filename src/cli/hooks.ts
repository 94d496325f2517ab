import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { SourceError, UsageError } from '../core/errors.js';
import { writeFileAtomicSync } from '../io/write.js';
import type { Repository } from '../sources/git/repo.js';
import { runGit } from '../sources/git/run.js';

/**
 * The git pre-commit hook: a small sh script that runs `keyhound staged`
 * with the same Node binary and keyhound entry point that installed it
 * (absolute paths, so no global install is needed), falling back to
 * `keyhound` on PATH when those have moved. A marker line tells our hook from
 * anyone else's: install never overwrites a foreign hook without `--force`
 * (and then keeps it as `pre-commit.keyhound-backup`), uninstall only
 * removes ours.
 */

const MARKER = '# keyhound-hook v1';
const BACKUP_SUFFIX = '.keyhound-backup';

export interface HookLocation {
  /** The hooks folder (respects core.hooksPath). */
  folder: string;
  file: string;
}

/** Where git looks for the pre-commit hook of this repository. */
export async function hookLocation(repo: Repository, name = 'pre-commit'): Promise<HookLocation> {
  if (!repo.workTree) throw new SourceError(`${repo.gitDir}: a bare repository makes no commits, so it runs no pre-commit hook`);
  const result = await runGit(['rev-parse', '--git-path', 'hooks'], { cwd: repo.cwd, env: repo.env, ownHooksPath: true });
  const folder = path.resolve(repo.cwd, result.stdout.toString('utf8').trim());
  return { folder, file: path.join(folder, name) };
}

/** sh single quotes: everything literal, `'` spelled `'\''`. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function hookScript(node: string, entry: string): string {
  return [
    '#!/bin/sh',
    MARKER,
    '# Installed by `keyhound hook install`; `keyhound hook uninstall` removes it.',
    '# Scans what this commit adds for secrets. Skip once with: git commit --no-verify',
    `node=${shellQuote(node)}`,
    `keyhound=${shellQuote(entry)}`,
    'if [ -x "$node" ] && [ -f "$keyhound" ]; then',
    '  exec "$node" "$keyhound" staged',
    'fi',
    'if command -v keyhound >/dev/null 2>&1; then',
    '  exec keyhound staged',
    'fi',
    'echo "keyhound: cannot run the secret scan: $keyhound is gone and keyhound is not on PATH." >&2',
    'echo "keyhound: reinstall the hook (keyhound hook install), or skip it once with git commit --no-verify." >&2',
    'exit 1',
    '',
  ].join('\n');
}

export function isOurHook(file: string): boolean {
  try {
    return readFileSync(file, 'utf8').includes(MARKER);
  } catch {
    return false;
  }
}

/** The Node binary and keyhound entry point of this process, as the hook will call them. */
export function currentEntry(): { node: string; entry: string } {
  const script = process.argv[1];
  if (!script)
    throw new UsageError('cannot tell which keyhound entry point is running; run keyhound hook install from the keyhound command');
  let entry = path.resolve(script);
  try {
    entry = realpathSync(entry);
  } catch {
    // A path that does not resolve is kept as given.
  }
  return { node: process.execPath, entry };
}

export interface InstallResult {
  file: string;
  replaced: 'none' | 'ours' | 'foreign';
  backup?: string;
}

export function installHook(location: HookLocation, node: string, entry: string, force: boolean): InstallResult {
  const { file } = location;
  let replaced: InstallResult['replaced'] = 'none';
  let backup: string | undefined;
  if (existsSync(file)) {
    if (isOurHook(file)) replaced = 'ours';
    else if (!force) {
      throw new UsageError(
        `${file} already exists and is not keyhound's. Keep it and add \`keyhound staged\` to it, or run keyhound hook install --force to replace it (it is kept as pre-commit${BACKUP_SUFFIX}).`,
      );
    } else {
      replaced = 'foreign';
      backup = `${file}${BACKUP_SUFFIX}`;
      renameSync(file, backup);
    }
  }
  mkdirSync(location.folder, { recursive: true });
  // Atomically: a half-written hook would break (or silently pass) every commit.
  writeFileAtomicSync(file, hookScript(node, entry), 0o755);
  chmodSync(file, 0o755);
  return { file, replaced, ...(backup ? { backup } : {}) };
}

export type UninstallResult = { status: 'removed'; file: string; restored?: string } | { status: 'absent'; file: string };

export function uninstallHook(location: HookLocation): UninstallResult {
  const { file } = location;
  if (!existsSync(file)) return { status: 'absent', file };
  if (!isOurHook(file)) throw new UsageError(`${file} is not keyhound's hook; left it alone`);
  rmSync(file);
  const backup = `${file}${BACKUP_SUFFIX}`;
  if (existsSync(backup)) {
    renameSync(backup, file);
    return { status: 'removed', file, restored: file };
  }
  return { status: 'removed', file };
}
