import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../core/errors.js';
import { DEFAULT_ALLOW_PATHS, DEFAULT_MAX_FILE_SIZE } from './defaults.js';
import { discoverConfig, discoverGitleaksIgnore, type FoundConfig } from './discover.js';
import { loadGitleaksConfig } from './gitleaks.js';
import { readGitleaksIgnore } from './gitleaks-ignore.js';
import { parseConfigFile } from './parse.js';
import type { AllowSection, Place, ResolvedConfig } from './types.js';

export interface ResolveOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** The scanned folder (absolute); config files are searched there, then at its repository root. */
  root: string;
  /** `--config`. */
  config?: string;
}

export interface Resolved extends ResolvedConfig {
  found?: FoundConfig;
  /** `.gitleaksignore` used, if any. */
  gitleaksIgnore?: string;
}

const DEFAULT_PLACE: Place = {};

/** The built-in default config: built-in rules, the default path allowlist, a 10 MiB file size limit. */
export function defaultConfig(): ResolvedConfig {
  return {
    kind: 'default',
    extends: 'default',
    rules: [],
    ruleFiles: [],
    disable: [],
    severity: [],
    allow: { paths: DEFAULT_ALLOW_PATHS.map((value) => ({ value, at: DEFAULT_PLACE })), regexes: [], stopwords: [] },
    ruleAllow: [],
    allowances: [],
    ignores: [],
    maxFileSize: { value: DEFAULT_MAX_FILE_SIZE, at: DEFAULT_PLACE },
    notices: [],
  };
}

const emptyAllow = (): AllowSection => ({ paths: [], regexes: [], stopwords: [] });

/** `allow path test/** from .keyhound.yaml line 4`: a place as `--explain` and `config print` name it. */
export function describePlace(at: Place, root: string): string {
  if (!at.file) return 'the default config';
  const relative = path.relative(root, at.file);
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : at.file;
  return at.line ? `${shown} line ${at.line}` : shown;
}

/** Finds and reads the config (keyhound or gitleaks) and `.gitleaksignore`, on top of the default config. */
export function resolveConfig(options: ResolveOptions): Resolved {
  const found = discoverConfig({
    cwd: options.cwd,
    env: options.env,
    root: options.root,
    ...(options.config ? { explicit: options.config } : {}),
  });
  const base = defaultConfig();
  let resolved: Resolved;
  if (!found) resolved = { ...base };
  else if (found.kind === 'keyhound') {
    let text: string;
    try {
      text = readFileSync(found.file, 'utf8');
    } catch (error) {
      throw new ConfigError([
        { file: found.file, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` },
      ]);
    }
    const file = parseConfigFile(text, found.file);
    const inherit = file.extends === 'default';
    resolved = {
      ...base,
      file: found.file,
      found,
      kind: 'keyhound',
      extends: file.extends,
      rules: file.rules,
      ruleFiles: file.ruleFiles,
      disable: file.disable,
      severity: file.severity,
      allow: {
        paths: [...(inherit ? base.allow.paths : []), ...file.allow.paths],
        regexes: file.allow.regexes,
        stopwords: file.allow.stopwords,
      },
      ruleAllow: file.allow.rules,
      ...(file.baseline ? { baseline: file.baseline } : {}),
      maxFileSize: file.maxFileSize ?? base.maxFileSize,
    };
  } else {
    const gitleaks = loadGitleaksConfig(found.file);
    resolved = {
      ...base,
      file: found.file,
      found,
      kind: 'gitleaks',
      extends: gitleaks.useDefault ? 'default' : 'none',
      rules: gitleaks.rules,
      disable: gitleaks.disable,
      allow: gitleaks.useDefault ? base.allow : emptyAllow(),
      allowances: gitleaks.allowances,
      notices: [...gitleaks.notices],
      tuned: gitleaks.tunes,
    };
  }

  const ignoreFile = discoverGitleaksIgnore(options.root);
  if (ignoreFile) {
    const { entries, bad } = readGitleaksIgnore(ignoreFile);
    const baseDir = resolved.file ? path.dirname(resolved.file) : options.root;
    const ignoreDir = path.dirname(ignoreFile);
    const shown = describePlace({ file: ignoreFile }, options.root);
    for (const entry of entries) {
      const relative = path.relative(baseDir, path.resolve(ignoreDir, entry.path)).split(path.sep).join('/');
      resolved.ignores.push({
        path: relative,
        ruleId: entry.ruleId,
        line: entry.line,
        ...(entry.commit ? { commit: entry.commit } : {}),
        origin: `${shown} line ${entry.fileLine}`,
      });
    }
    if (bad.length > 0)
      resolved.notices.push(
        `${shown}: line${bad.length === 1 ? '' : 's'} ${bad.join(', ')} ${bad.length === 1 ? 'is' : 'are'} not a gitleaks fingerprint ([commit:]path:rule-id:line); ignored`,
      );
    resolved.gitleaksIgnore = ignoreFile;
  }
  return resolved;
}
