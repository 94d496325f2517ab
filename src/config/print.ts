import { Document, isNode, type Node } from 'yaml';
import type { RuleSpec } from '../core/types.js';
import type { Allowance } from '../core/allow.js';
import { describePlace, type Resolved } from './resolve.js';
import type { AllowSection, Place } from './types.js';

export interface PrintOptions {
  /** Folder that places are shown relative to. */
  root: string;
  /** Built-in rules the config keeps (after `disable`). */
  builtinCount: number;
  /** Everything the scan would run, for the summary line. */
  ruleCount: number;
  notices: string[];
}

/** A rule as a user would write it in a config file: without the fields keyhound fills in. */
function ruleForPrint(rule: RuleSpec): Record<string, unknown> {
  const { providerKey: _key, source: _source, provider, id, ...rest } = rule;
  return provider && provider !== 'Custom' ? { id, provider, ...rest } : { id, ...rest };
}

/** The resolved config as plain data, in `.keyhound.yaml` shape (for `--format json`). */
export function resolvedData(config: Resolved): Record<string, unknown> {
  const section = (s: AllowSection): Record<string, unknown> => ({
    paths: s.paths.map((p) => p.value),
    regexes: s.regexes.map((r) => (r.value.target === 'secret' ? r.value.regex : { regex: r.value.regex, target: r.value.target })),
    stopwords: s.stopwords.map((w) => w.value),
  });
  const data: Record<string, unknown> = { extends: config.extends };
  if (config.rules.length > 0) data.rules = config.rules.map(ruleForPrint);
  if (config.ruleFiles.length > 0) data.ruleFiles = config.ruleFiles.map((f) => f.value);
  if (config.disable.length > 0) data.disable = config.disable.map((d) => d.value);
  if (config.severity.length > 0) data.severity = Object.fromEntries(config.severity.map((s) => [s.value.ruleId, s.value.severity]));
  const allow = section(config.allow);
  if (config.ruleAllow.length > 0) allow.rules = Object.fromEntries(config.ruleAllow.map((r) => [r.value.ruleId, section(r.value.allow)]));
  data.allow = allow;
  if (config.baseline) data.baseline = config.baseline.value;
  data.maxFileSize = config.maxFileSize.value;
  return data;
}

function describeAllowance(a: Allowance): string {
  const parts = [
    a.ruleIds ? `rules ${a.ruleIds.join(', ')}` : '',
    a.outsidePathRegex ? `only paths matching /${a.outsidePathRegex}/` : '',
    a.pathRegexes?.length ? `paths ${a.pathRegexes.map((r) => `/${r}/`).join(' ')}` : '',
    a.regexes?.length ? `regexes ${a.regexes.map((r) => `/${r.regex}/ on ${r.target ?? 'secret'}`).join(' ')}` : '',
    a.stopwords?.length ? `stop-words ${a.stopwords.join(', ')}` : '',
    a.commits?.length ? `commits ${a.commits.join(', ')}` : '',
  ].filter(Boolean);
  return `${a.condition === 'and' ? 'all of: ' : ''}${parts.join('; ')}`;
}

/**
 * `keyhound config print`: the fully resolved config as YAML that keyhound
 * reads back, with where each value came from as a comment (`the default
 * config`, `.keyhound.yaml line 4`).
 */
export function printConfig(config: Resolved, options: PrintOptions): string {
  const document = new Document(resolvedData(config));
  const where = (at: Place): string => ` ${describePlace(at, options.root)}`;
  const comment = (keys: (string | number)[], at: Place): void => {
    const node = document.getIn(keys, true);
    if (isNode(node)) (node as Node).comment = where(at);
  };
  config.allow.paths.forEach((p, i) => comment(['allow', 'paths', i], p.at));
  config.allow.regexes.forEach((r, i) => comment(['allow', 'regexes', i], r.at));
  config.allow.stopwords.forEach((w, i) => comment(['allow', 'stopwords', i], w.at));
  config.disable.forEach((d, i) => comment(['disable', i], d.at));
  config.ruleFiles.forEach((f, i) => comment(['ruleFiles', i], f.at));
  config.severity.forEach((s) => comment(['severity', s.value.ruleId], s.at));
  if (config.baseline) comment(['baseline'], config.baseline.at);
  comment(['maxFileSize'], config.maxFileSize.at);

  const head = [
    ' keyhound configuration, fully resolved.',
    config.found
      ? ` Config file: ${describePlace({ file: config.found.file }, options.root)} (${config.found.how}; ${config.kind}).`
      : ' No config file found: the default config.',
    ` Rules: ${options.ruleCount} (${options.builtinCount} built-in; \`keyhound rules list\` shows them).`,
  ];
  if (config.gitleaksIgnore)
    head.push(` .gitleaksignore: ${describePlace({ file: config.gitleaksIgnore }, options.root)} (${config.ignores.length} fingerprints).`);
  if (config.allowances.length > 0) {
    head.push(' Allowlists from the gitleaks config (not expressible in .keyhound.yaml):');
    for (const a of config.allowances) head.push(`   ${a.origin ?? ''}: ${describeAllowance(a)}`);
  }
  if (options.notices.length > 0) {
    head.push(' Notices:');
    for (const notice of options.notices) head.push(`   ${notice}`);
  }
  document.commentBefore = head.join('\n');
  return document.toString({ lineWidth: 0 });
}
