import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { ConfigError, type Problem } from '../core/errors.js';
import { globProblem } from '../core/glob.js';
import { SEVERITIES, type AllowTarget, type Severity } from '../core/types.js';
import { validateRule } from '../rules/validate.js';
import { parseSizeText } from './size.js';
import type { AllowSection, ConfigFile, Placed } from './types.js';

/** Top-level keys of `.keyhound.yaml`; `schema/keyhound.schema.json` lists the same (a test keeps them in step). */
export const CONFIG_KEYS = ['$schema', 'extends', 'rules', 'ruleFiles', 'disable', 'severity', 'allow', 'baseline', 'maxFileSize'] as const;
const ALLOW_KEYS = ['paths', 'regexes', 'stopwords', 'rules'];
const RULE_ALLOW_KEYS = ['paths', 'regexes', 'stopwords'];
const TARGETS: AllowTarget[] = ['secret', 'match', 'line'];

/**
 * Reads a `.keyhound.yaml`. Every problem (unknown key, wrong type, bad regex,
 * bad inline rule) is collected with its file, line and key, and thrown as one
 * {@link ConfigError}. Relative paths are resolved against the file's folder.
 */
export function parseConfigFile(text: string, file: string): ConfigFile {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  const lineOf = (node: unknown): number | undefined => {
    const range = (node as Node | null | undefined)?.range;
    return range ? lines.linePos(range[0]).line : undefined;
  };
  const bad = (node: unknown, key: string, message: string): void => {
    problems.push({ file, line: lineOf(node), subject: key, message });
  };
  if (document.errors.length > 0) {
    for (const error of document.errors)
      problems.push({ file, line: lines.linePos(error.pos[0]).line, message: `invalid YAML: ${error.message.split('\n')[0]}` });
    throw new ConfigError(problems);
  }
  const folder = path.dirname(file);
  const config: ConfigFile = {
    file,
    extends: 'default',
    rules: [],
    ruleFiles: [],
    disable: [],
    severity: [],
    allow: { paths: [], regexes: [], stopwords: [], rules: [] },
  };
  const root = document.contents;
  if (root === null || (isScalar(root) && root.value === null)) return config;
  if (!isMap(root)) {
    bad(root, '(top level)', 'a config file must be a mapping of keys (extends, rules, disable, allow, ...)');
    throw new ConfigError(problems);
  }

  for (const pair of pairs(root)) {
    const key = keyText(pair);
    const value = pair.value as Node | null;
    const at = (node: unknown = value): Placed<never>['at'] => ({ file, line: lineOf(node) ?? lineOf(pair.key) });
    switch (key) {
      case '$schema':
        if (!isString(value)) bad(value ?? pair.key, key, 'must be a string (the JSON Schema URL or path, for editors)');
        break;
      case 'extends': {
        const v = scalar(value);
        if (v !== 'default' && v !== 'none')
          bad(value ?? pair.key, key, 'must be "default" (the built-in rules and path allowlist) or "none"');
        else config.extends = v;
        break;
      }
      case 'rules':
        if (!isSeq(value)) {
          bad(value ?? pair.key, key, 'must be a list of rules in the rules/*.yaml format (docs/rules.md)');
          break;
        }
        for (const item of value.items) {
          const raw: unknown = (item as Node).toJSON();
          const provider = isObject(raw) && typeof raw.provider === 'string' ? raw.provider : undefined;
          const fields = isObject(raw) ? Object.fromEntries(Object.entries(raw).filter(([k]) => k !== 'provider')) : raw;
          const id = isObject(raw) && typeof raw.id === 'string' ? raw.id : 'custom';
          const key0 = id.split('-')[0]!;
          const result = validateRule(fields, { file, line: lineOf(item), providerName: provider ?? 'Custom', providerKey: key0 });
          problems.push(...result.problems.map((p) => ({ ...p, subject: `rules: ${p.subject ?? ''}`.trim() })));
          if (result.rule) config.rules.push(result.rule);
        }
        break;
      case 'ruleFiles':
        for (const item of stringList(value, pair, key, bad))
          config.ruleFiles.push({ value: path.resolve(folder, item.value), at: at(item.node) });
        break;
      case 'disable':
        for (const item of stringList(value, pair, key, bad)) config.disable.push({ value: item.value, at: at(item.node) });
        break;
      case 'severity':
        if (!isMap(value)) {
          bad(value ?? pair.key, key, `must be a mapping of rule id to severity (${SEVERITIES.join(', ')})`);
          break;
        }
        for (const entry of pairs(value)) {
          const id = keyText(entry);
          const severity = scalar(entry.value as Node);
          if (!SEVERITIES.includes(severity as Severity))
            bad(entry.value ?? entry.key, `severity.${id}`, `must be one of ${SEVERITIES.join(', ')}`);
          else config.severity.push({ value: { ruleId: id, severity: severity as Severity }, at: at(entry.key) });
        }
        break;
      case 'allow':
        parseAllow(value, pair, config, { file, lineOf, bad });
        break;
      case 'baseline':
        if (!isString(value) || value.value.trim() === '')
          bad(value ?? pair.key, key, 'must be a path to a baseline file (relative to this config file)');
        else config.baseline = { value: path.resolve(folder, value.value), at: at() };
        break;
      case 'maxFileSize': {
        const v = scalar(value);
        const size = typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : typeof v === 'string' ? parseSizeText(v) : undefined;
        if (!size) bad(value ?? pair.key, key, 'must be a size: a number of bytes or text such as 10MB or 512KB');
        else config.maxFileSize = { value: size, at: at() };
        break;
      }
      default:
        bad(pair.key, key, `unknown key (known: ${CONFIG_KEYS.filter((k) => k !== '$schema').join(', ')})`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

interface Helpers {
  file: string;
  lineOf: (node: unknown) => number | undefined;
  bad: (node: unknown, key: string, message: string) => void;
}

function parseAllow(value: Node | null, pair: Pair, config: ConfigFile, h: Helpers): void {
  if (!isMap(value)) {
    h.bad(value ?? pair.key, 'allow', 'must be a mapping with paths, regexes, stopwords and rules');
    return;
  }
  for (const entry of pairs(value)) {
    const key = keyText(entry);
    if (!ALLOW_KEYS.includes(key)) {
      h.bad(entry.key, `allow.${key}`, `unknown key (known: ${ALLOW_KEYS.join(', ')})`);
      continue;
    }
    if (key !== 'rules') {
      parseAllowList(key, entry, config.allow, h, 'allow');
      continue;
    }
    if (!isMap(entry.value)) {
      h.bad(entry.value ?? entry.key, 'allow.rules', 'must be a mapping of rule id to { paths, regexes, stopwords }');
      continue;
    }
    for (const ruleEntry of pairs(entry.value)) {
      const ruleId = keyText(ruleEntry);
      const section: AllowSection = { paths: [], regexes: [], stopwords: [] };
      const where = `allow.rules.${ruleId}`;
      if (!isMap(ruleEntry.value)) {
        h.bad(ruleEntry.value ?? ruleEntry.key, where, 'must be a mapping with paths, regexes or stopwords');
        continue;
      }
      for (const part of pairs(ruleEntry.value)) {
        const partKey = keyText(part);
        if (!RULE_ALLOW_KEYS.includes(partKey))
          h.bad(part.key, `${where}.${partKey}`, `unknown key (known: ${RULE_ALLOW_KEYS.join(', ')})`);
        else parseAllowList(partKey, part, section, h, where);
      }
      config.allow.rules.push({ value: { ruleId, allow: section }, at: { file: h.file, line: h.lineOf(ruleEntry.key) } });
    }
  }
}

function parseAllowList(key: string, entry: Pair, section: AllowSection, h: Helpers, prefix: string): void {
  const where = `${prefix}.${key}`;
  const value = entry.value as Node | null;
  if (!isSeq(value)) {
    h.bad(
      value ?? entry.key,
      where,
      key === 'regexes' ? 'must be a list of regexes or { regex, target } entries' : 'must be a list of strings',
    );
    return;
  }
  value.items.forEach((item, index) => {
    const at = { file: h.file, line: h.lineOf(item) };
    const itemWhere = `${where}[${index}]`;
    if (key === 'paths' || key === 'stopwords') {
      if (!isString(item) || item.value.trim() === '')
        h.bad(item, itemWhere, key === 'paths' ? 'must be a glob such as test/fixtures/**' : 'must be a non-empty word');
      else if (key === 'paths' && globProblem(item.value)) h.bad(item, itemWhere, globProblem(item.value)!);
      else if (key === 'paths' && item.value.startsWith('!'))
        h.bad(item, itemWhere, `"${item.value}" is negated: it would allow every other path; list the paths to allow instead`);
      else (key === 'paths' ? section.paths : section.stopwords).push({ value: item.value, at });
      return;
    }
    let regex: unknown;
    let target: unknown = 'secret';
    if (isMap(item)) {
      for (const part of pairs(item)) {
        const partKey = keyText(part);
        if (partKey === 'regex') regex = scalar(part.value as Node);
        else if (partKey === 'target') target = scalar(part.value as Node);
        else h.bad(part.key, `${itemWhere}.${partKey}`, 'unknown key (known: regex, target)');
      }
    } else regex = isString(item) ? item.value : undefined;
    if (typeof regex !== 'string' || regex === '') {
      h.bad(item, itemWhere, 'must be a regex string or { regex, target }');
      return;
    }
    if (!TARGETS.includes(target as AllowTarget)) {
      h.bad(item, `${itemWhere}.target`, `must be one of ${TARGETS.join(', ')}`);
      return;
    }
    try {
      new RegExp(regex);
    } catch (error) {
      h.bad(item, itemWhere, `regex does not compile: ${(error as Error).message}`);
      return;
    }
    section.regexes.push({ value: { regex, target: target as AllowTarget }, at });
  });
}

function pairs(map: YAMLMap): Pair[] {
  return map.items;
}

function keyText(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

function scalar(node: Node | null | undefined): unknown {
  return isScalar(node) ? node.value : undefined;
}

function isString(node: unknown): node is { value: string } & Node {
  return isScalar(node) && typeof node.value === 'string';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: Node | null, pair: Pair, key: string, bad: Helpers['bad']): { value: string; node: Node }[] {
  if (!isSeq(value)) {
    bad(value ?? pair.key, key, 'must be a list of strings');
    return [];
  }
  const out: { value: string; node: Node }[] = [];
  value.items.forEach((item, index) => {
    if (!isString(item) || item.value.trim() === '') bad(item, `${key}[${index}]`, 'must be a non-empty string');
    else out.push({ value: item.value, node: item });
  });
  return out;
}
