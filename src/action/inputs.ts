import { CONFIDENCES, type Confidence } from '../core/types.js';
import { DEFAULT_MIN_CONFIDENCE } from '../report/confidence.js';
import { UsageError } from '../core/errors.js';
import { parseExtraArgs } from './args.js';

export const MODES = ['auto', 'diff', 'full', 'history'] as const;
export type Mode = (typeof MODES)[number];

/** The Action's inputs (action.yml), with the defaults action.yml declares. */
export interface ActionInputs {
  /** Folder to scan, relative to the workspace. Default `.`. */
  path: string;
  /** Default `auto`. */
  mode: Mode;
  config?: string;
  baseline?: string;
  /** Default true. */
  failOnFindings: boolean;
  /** What an incomplete scan does to the step (some input could not be scanned): `fail` (default) or `warn`. */
  onIncomplete: 'fail' | 'warn';
  /** Where SARIF is written, relative to the workspace; empty: not written. Default `keyhound.sarif`. */
  sarifFile: string;
  /** Default false. */
  uploadSarif: boolean;
  /** Code-scanning category of the SARIF; empty: `keyhound/diff`, `keyhound/full` or `keyhound/history` by what was scanned. */
  sarifCategory?: string;
  /** What a comment or upload the token may not make does to the step: `warn` (default) or `fail`. */
  onPermissionError: 'fail' | 'warn';
  /** Default false. */
  comment: boolean;
  /** Check each finding with its provider (`--verify`). Default false. */
  verify: boolean;
  /** Fail the step on live (verified) secrets only; needs `verify`. Default false. */
  onlyVerified: boolean;
  /** Extra `keyhound scan` options (action/args.ts says which). */
  args?: string;
  /** Annotations on the findings' lines. Default true. */
  annotations: boolean;
  /** The job summary. Default true. */
  summary: boolean;
  token?: string;
  /** `KEYHOUND_FINGERPRINT_KEY` given as an input (pass a secret): keys fingerprints and baselines. Default: the variable, if set. */
  fingerprintKey?: string;
  /** Seconds one file may take to scan (`--file-timeout`); 0: no limit. Default 30. */
  fileTimeout: number;
  /** Findings below this confidence are not reported (`--min-confidence`). Default medium: the Action is a gate. */
  minConfidence: Confidence;
}

/** The runner passes input `fail-on-findings` as `INPUT_FAIL-ON-FINDINGS` (spaces become `_`, case upper, hyphens kept). */
export function getInput(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** Booleans as action.yml's YAML 1.2 core schema spells them (what `@actions/core` accepts too). */
export function getBoolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = getInput(env, name);
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new UsageError(`input "${name}" must be true or false, not "${value}"`);
}

/** One of a few words. */
export function getChoice<T extends string>(env: NodeJS.ProcessEnv, name: string, choices: readonly T[], fallback: T): T {
  const value = getInput(env, name);
  if (value === '') return fallback;
  if (!(choices as readonly string[]).includes(value))
    throw new UsageError(`input "${name}" must be one of ${choices.join(', ')}, not "${value}"`);
  return value as T;
}

/** A number of seconds, 0 or more. */
export function getSeconds(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = getInput(env, name);
  if (value === '') return fallback;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0)
    throw new UsageError(`input "${name}" must be a number of seconds, 0 or more, not "${value}"`);
  return seconds;
}

export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const mode = getInput(env, 'mode') || 'auto';
  if (!(MODES as readonly string[]).includes(mode)) throw new UsageError(`input "mode" must be one of ${MODES.join(', ')}, not "${mode}"`);
  const optional = (name: string): string | undefined => getInput(env, name) || undefined;
  const inputs: ActionInputs = {
    path: getInput(env, 'path') || '.',
    mode: mode as Mode,
    failOnFindings: getBoolean(env, 'fail-on-findings', true),
    onIncomplete: getChoice(env, 'on-incomplete', ['fail', 'warn'] as const, 'fail'),
    sarifFile: env['INPUT_SARIF-FILE'] === undefined ? 'keyhound.sarif' : getInput(env, 'sarif-file'),
    uploadSarif: getBoolean(env, 'upload-sarif', false),
    onPermissionError: getChoice(env, 'on-permission-error', ['fail', 'warn'] as const, 'warn'),
    comment: getBoolean(env, 'comment', false),
    verify: getBoolean(env, 'verify', false),
    onlyVerified: getBoolean(env, 'only-verified', false),
    annotations: getBoolean(env, 'annotations', true),
    summary: getBoolean(env, 'summary', true),
    fileTimeout: getSeconds(env, 'file-timeout', 30),
    minConfidence: getChoice(env, 'min-confidence', CONFIDENCES, DEFAULT_MIN_CONFIDENCE.action),
  };
  const config = optional('config');
  const baseline = optional('baseline');
  const token = optional('token');
  const fingerprintKey = optional('fingerprint-key');
  const sarifCategory = optional('sarif-category');
  if (sarifCategory !== undefined && !/^[\w./@-]{1,200}$/.test(sarifCategory))
    throw new UsageError(`input "sarif-category" may hold letters, digits and . _ - / @ only, not "${sarifCategory}"`);
  if (sarifCategory) inputs.sarifCategory = sarifCategory;
  const args = optional('args');
  if (args) {
    const extra = parseExtraArgs(args);
    if (!inputs.verify && (extra.verifyHosts.length > 0 || extra.verifyEndpoints.length > 0 || extra.verifyTimeout !== undefined))
      throw new UsageError('input "args": the --verify-* options need verify: true');
    inputs.args = args;
  }
  if (inputs.onlyVerified && !inputs.verify)
    throw new UsageError('input "only-verified" needs verify: true (verification requests are sent only when you ask for them)');
  if (config) inputs.config = config;
  if (fingerprintKey) inputs.fingerprintKey = fingerprintKey;
  if (baseline) inputs.baseline = baseline;
  if (token) inputs.token = token;
  return inputs;
}
