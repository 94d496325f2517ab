import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfigFile } from '../config/parse.js';
import { ConfigError, KeyhoundError, RuleError, type Problem } from '../core/errors.js';

/**
 * The configuration as it is in another revision (a pull request's base):
 * `.keyhound.yaml`, `.gitleaks.toml`, `.gitleaksignore`, the rule files and the
 * baseline they name, copied from that revision into a private temporary
 * folder laid out like the repository. Configuration is then read from there
 * as from any folder, so the content under review (a pull request's head, the
 * staged index) never configures the scan of itself (docs/hardening.md,
 * "Trust boundary").
 */

/** The files of one revision, read without a work tree. Paths are POSIX, relative to the repository root. */
export interface RevisionFiles {
  /** How messages name the revision, e.g. `base 1a2b3c4d5e6f`. */
  readonly label: string;
  /** A file's bytes, or undefined when the revision has no file there. */
  file(path: string): Promise<Buffer | undefined>;
  /** Every file under a folder (recursively), or [] when there is none. */
  list(folder: string): Promise<string[]>;
}

/** The configuration files keyhound looks for in each searched folder. */
export const CONFIG_NAMES = ['.keyhound.yaml', '.keyhound.yml', '.gitleaks.toml', '.gitleaksignore'] as const;

export interface SnapshotOptions {
  /** Folders searched for configuration, relative to the repository root ('' is the root): the scanned folder, then the root. */
  folders: readonly string[];
  /** `--config` / the Action's `config` input, relative to the repository root. */
  config?: string;
  /** `--baseline` / the Action's `baseline` input, relative to the repository root. */
  baseline?: string;
}

export interface ConfigSnapshot {
  /** The temporary folder standing for the repository root. */
  root: string;
  /** The files copied (relative to the repository root): what a change under review must not touch unnoticed. */
  files: string[];
  /** The paths looked at (copied or absent): a change under review that adds one is a change to the configuration. */
  watched: string[];
  /** `--config` inside the snapshot, when one was given. */
  config?: string;
  /** `--baseline` inside the snapshot, when one was given. */
  baseline?: string;
  /** Names files inside the snapshot by revision and path in messages (`base 1a2b3c:.keyhound.yaml`). */
  translate(error: unknown): unknown;
  dispose(): void;
}

const posix = (p: string): string => p.split(path.sep).join('/');
const join = (folder: string, name: string): string => (folder ? `${folder}/${name}` : name);

/** Copies the configuration of `files` into a temporary folder; see the module comment. */
export async function snapshotConfig(files: RevisionFiles, options: SnapshotOptions): Promise<ConfigSnapshot> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'keyhound-config-'));
  // Discovery stops at the repository root, which it knows by its .git.
  mkdirSync(path.join(root, '.git'));
  const copied: string[] = [];
  const watched = new Set<string>();
  const inside = (relative: string): string => path.join(root, ...relative.split('/'));
  const fromSnapshot = (file: string): string | undefined => {
    const relative = path.relative(root, file);
    return relative.startsWith('..') || path.isAbsolute(relative) ? undefined : posix(relative);
  };
  const translate = (error: unknown): unknown => {
    if (!(error instanceof KeyhoundError)) return error;
    const rename = (problem: Problem): Problem => {
      const relative = fromSnapshot(problem.file);
      return relative === undefined ? problem : { ...problem, file: `${files.label}:${relative}` };
    };
    if (error instanceof ConfigError) return new ConfigError(error.problems.map(rename));
    if (error instanceof RuleError) return new RuleError(error.problems.map(rename));
    return new (error.constructor as new (message: string) => KeyhoundError)(error.message.split(`${root}/`).join(`${files.label}:`));
  };
  const copy = async (relative: string): Promise<boolean> => {
    watched.add(relative);
    const bytes = await files.file(relative);
    if (bytes === undefined) return false;
    const target = inside(relative);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes, { mode: 0o600 });
    copied.push(relative);
    return true;
  };
  try {
    const configs: string[] = [];
    for (const folder of new Set(options.folders)) {
      for (const name of CONFIG_NAMES) {
        const relative = join(folder, name);
        if ((await copy(relative)) && name.startsWith('.keyhound.y')) configs.push(relative);
      }
    }
    if (options.config) {
      if (!(await copy(options.config))) {
        throw new ConfigError([
          { file: `${files.label}:${options.config}`, subject: '--config', message: 'no such config file in that revision' },
        ]);
      }
      if (/\.ya?ml$/i.test(options.config)) configs.push(options.config);
    }
    if (options.baseline) await copy(options.baseline);
    // What a keyhound config names: rule files or folders, and its baseline.
    for (const config of configs) {
      const file = inside(config);
      const parsed = parseConfigFile((await files.file(config))!.toString('utf8'), file);
      const named = [...parsed.ruleFiles.map((entry) => entry.value), ...(parsed.baseline ? [parsed.baseline.value] : [])];
      for (const absolute of named) {
        const relative = fromSnapshot(absolute);
        if (relative === undefined) continue;
        if (!(await copy(relative))) for (const nested of await files.list(relative)) await copy(nested);
      }
    }
    return {
      root,
      files: copied,
      watched: [...watched],
      ...(options.config ? { config: inside(options.config) } : {}),
      ...(options.baseline ? { baseline: inside(options.baseline) } : {}),
      translate,
      dispose: () => rmSync(root, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw translate(error);
  }
}
