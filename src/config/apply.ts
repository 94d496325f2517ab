import path from 'node:path';
import type { Allowance, GlobalAllow } from '../core/allow.js';
import { describePlace } from './resolve.js';
import type { AllowSection, ResolvedConfig } from './types.js';

function sectionAllowances(section: AllowSection, root: string, ruleIds?: string[]): Allowance[] {
  const scope = ruleIds ? { ruleIds } : {};
  return [
    ...section.paths.map((p) => ({ ...scope, paths: [p.value], origin: describePlace(p.at, root) })),
    ...section.regexes.map((r) => ({
      ...scope,
      regexes: [{ regex: r.value.regex, target: r.value.target }],
      origin: describePlace(r.at, root),
    })),
    ...section.stopwords.map((w) => ({ ...scope, stopwords: [w.value], origin: describePlace(w.at, root) })),
  ];
}

/**
 * The engine's view of the config's allowances. Globs are written relative
 * to the config file's folder and finding paths are relative to the scanned
 * folder, so `pathPrefix` carries the scanned folder's place below the config.
 */
export function configAllow(config: ResolvedConfig, root: string): GlobalAllow {
  const base = config.file ? path.dirname(config.file) : root;
  const prefix = path.relative(base, root).split(path.sep).join('/');
  const allow: GlobalAllow = {
    allowances: [
      ...sectionAllowances(config.allow, root),
      ...config.ruleAllow.flatMap((r) => sectionAllowances(r.value.allow, root, [r.value.ruleId])),
      ...config.allowances,
    ],
  };
  if (config.ignores.length > 0) allow.ignores = config.ignores;
  if (prefix) allow.pathPrefix = prefix;
  return allow;
}
