import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../core/errors.js';

export type ConfigKind = 'keyhound' | 'gitleaks';

export interface FoundConfig {
  /** Absolute path. */
  file: string;
  kind: ConfigKind;
  /** How it was found, for `config print` and `--verbose`. */
  how: '--config' | 'KEYHOUND_CONFIG' | 'scanned folder' | 'repository root';
}

export interface DiscoverOptions {
  /** `--config`, as given. */
  explicit?: string;
  env?: NodeJS.ProcessEnv;
  /** Relative `--config` and `KEYHOUND_CONFIG` paths resolve against it. */
  cwd: string;
  /** The scanned folder (absolute). Its repository root is searched after it. */
  root: string;
}

const KEYHOUND_NAMES = ['.keyhound.yaml', '.keyhound.yml'];
const GITLEAKS_NAME = '.gitleaks.toml';

/** The folder holding `.git` (a folder, or a file in worktrees and submodules) at or above `start`, if any. */
export function findRepositoryRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function kindOf(file: string): ConfigKind {
  return /\.toml$/i.test(file) ? 'gitleaks' : 'keyhound';
}

function isFile(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.isFile() === true;
}

/** The folders searched for config files, in order: the scanned folder, then its repository root. */
export function searchFolders(root: string): { dir: string; how: FoundConfig['how'] }[] {
  const folders: { dir: string; how: FoundConfig['how'] }[] = [{ dir: path.resolve(root), how: 'scanned folder' }];
  const repo = findRepositoryRoot(root);
  if (repo && repo !== folders[0]!.dir) folders.push({ dir: repo, how: 'repository root' });
  return folders;
}

/**
 * Finds the config file: `--config`, else `KEYHOUND_CONFIG`, else
 * `.keyhound.yaml` / `.keyhound.yml` in the scanned folder or the repository
 * root, else `.gitleaks.toml` there. A named file that does not exist is an
 * error; finding none is not (the default config applies).
 */
export function discoverConfig(options: DiscoverOptions): FoundConfig | undefined {
  const named = options.explicit
    ? { value: options.explicit, how: '--config' as const }
    : options.env?.KEYHOUND_CONFIG
      ? { value: options.env.KEYHOUND_CONFIG, how: 'KEYHOUND_CONFIG' as const }
      : undefined;
  if (named) {
    const file = path.resolve(options.cwd, named.value);
    if (!isFile(file)) {
      throw new ConfigError([{ file, subject: named.how, message: 'no such config file (give a .keyhound.yaml or a .gitleaks.toml)' }]);
    }
    return { file, kind: kindOf(file), how: named.how };
  }
  const folders = searchFolders(options.root);
  for (const { dir, how } of folders) {
    const present = KEYHOUND_NAMES.map((name) => path.join(dir, name)).filter(isFile);
    if (present.length > 1) {
      throw new ConfigError([{ file: present[1]!, message: `both ${KEYHOUND_NAMES.join(' and ')} exist in ${dir}; keep one` }]);
    }
    if (present.length === 1) return { file: present[0]!, kind: 'keyhound', how };
  }
  for (const { dir, how } of folders) {
    const file = path.join(dir, GITLEAKS_NAME);
    if (isFile(file)) return { file, kind: 'gitleaks', how };
  }
  return undefined;
}

/** `.gitleaksignore` in the scanned folder or the repository root, if there is one. */
export function discoverGitleaksIgnore(root: string): string | undefined {
  for (const { dir } of searchFolders(root)) {
    const file = path.join(dir, '.gitleaksignore');
    if (isFile(file)) return file;
  }
  return undefined;
}
