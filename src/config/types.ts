import type { AllowTarget, RuleSpec, Severity } from '../core/types.js';
import type { Allowance, IgnoredFinding } from '../core/allow.js';

/** Where a setting was written: a file and line, or the built-in default config. */
export interface Place {
  /** Absolute path; absent for the built-in default config. */
  file?: string;
  line?: number;
}

export interface Placed<T> {
  value: T;
  at: Place;
}

/** Allowances for one rule (`allow.rules.<id>`), or for every rule (`allow`). */
export interface AllowSection {
  paths: Placed<string>[];
  regexes: Placed<{ regex: string; target: AllowTarget }>[];
  stopwords: Placed<string>[];
}

/** A `.keyhound.yaml` after validation: every value with the line it came from. */
export interface ConfigFile {
  file: string;
  extends: 'default' | 'none';
  rules: RuleSpec[];
  /** Absolute paths. */
  ruleFiles: Placed<string>[];
  disable: Placed<string>[];
  severity: Placed<{ ruleId: string; severity: Severity }>[];
  allow: AllowSection & { rules: Placed<{ ruleId: string; allow: AllowSection }>[] };
  /** Absolute path. */
  baseline?: Placed<string>;
  maxFileSize?: Placed<number>;
}

/**
 * Everything a scan needs from configuration, resolved: the default config,
 * then the config file (keyhound or gitleaks), then command-line options.
 * `keyhound config print` prints it.
 */
export interface ResolvedConfig {
  /** The config file used (absolute), if any. */
  file?: string;
  kind: 'keyhound' | 'gitleaks' | 'default';
  extends: 'default' | 'none';
  /** Rules added by the config (inline, or translated from gitleaks). */
  rules: RuleSpec[];
  ruleFiles: Placed<string>[];
  disable: Placed<string>[];
  severity: Placed<{ ruleId: string; severity: Severity }>[];
  /** Allowances for every rule; `paths` includes the default list unless `extends: none`. */
  allow: AllowSection;
  /** Allowances for single rules. */
  ruleAllow: Placed<{ ruleId: string; allow: AllowSection }>[];
  /** Allowances that keyhound's format cannot express (gitleaks `condition = "AND"`, path regexes, commits), engine-ready. */
  allowances: Allowance[];
  ignores: IgnoredFinding[];
  /** gitleaks rules without a regex that only add allowlists to a rule of that id (keyhound's built-in, if any). */
  tuned?: { ruleId: string; line?: number }[];
  baseline?: Placed<string>;
  maxFileSize: Placed<number>;
  /** Things the user should know that do not stop the scan (untranslatable gitleaks rules, unmapped ignores). */
  notices: string[];
}
