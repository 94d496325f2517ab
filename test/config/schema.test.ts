import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, parseConfigFile } from '../../src/config/parse.js';
import { ConfigError } from '../../src/core/errors.js';
import { ROOT } from '../helpers/cli.js';

const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema', 'keyhound.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

const RULE = `
  - id: acme-token
    provider: Acme
    title: Acme API token
    severity: high
    confidence: high
    keywords: [acme_]
    pattern: '(?<secret>acme_[A-Za-z0-9]{30})'
    references: [https://example.org/acme]
    remediation: Revoke it.
    examples:
      positive: ['t = acme_{{random:base62:30}}']
      negative: ['t = acme_short']`;

/** Config files both validators must accept. */
const VALID = [
  '',
  'extends: none\n',
  '$schema: ../schema/keyhound.schema.json\nextends: default\n',
  `rules:${RULE}\n`,
  'ruleFiles: [rules, more/acme.yaml]\ndisable: [github-pat-classic]\n',
  'severity:\n  generic-api-key: low\n  github-pat-classic: critical\n',
  'allow:\n  paths: [test/**, "*.snap"]\n  regexes: ["^AKIAIOSFODNN7", { regex: "# fixture$", target: line }, { regex: x }]\n  stopwords: [fixture]\n',
  'allow:\n  rules:\n    generic-api-key:\n      paths: [docs/**]\n      regexes: [{ regex: "^sk_test_", target: secret }]\n      stopwords: [demo]\n',
  'baseline: .keyhound-baseline.jsonl\nmaxFileSize: 5MB\n',
  'maxFileSize: 1048576\n',
];

/** Config files both must reject. */
const INVALID = [
  'alow:\n  paths: [x]\n',
  'extends: all\n',
  'extends: [default]\n',
  'rules: acme\n',
  `rules:${RULE.replace('severity: high', 'severity: urgent')}\n`,
  `rules:${RULE.replace('    remediation: Revoke it.\n', '')}\n`,
  `rules:${RULE}\n    colour: red\n`,
  'ruleFiles: rules\n',
  'disable: [1]\n',
  'disable: generic-api-key\n',
  'severity:\n  generic-api-key: urgent\n',
  'severity: [generic-api-key]\n',
  'allow: [test/**]\n',
  'allow:\n  path: [test/**]\n',
  'allow:\n  paths: [1]\n',
  'allow:\n  paths: ["  "]\n',
  'allow:\n  regexes: [{ target: line }]\n',
  'allow:\n  regexes: [{ regex: x, target: file }]\n',
  'allow:\n  regexes: [{ regex: x, flags: i }]\n',
  'allow:\n  stopwords: fixture\n',
  'allow:\n  rules:\n    generic-api-key: [docs/**]\n',
  'allow:\n  rules:\n    generic-api-key:\n      rules: {}\n',
  'baseline: 3\n',
  'baseline: ""\n',
  'maxFileSize: big\n',
  'maxFileSize: 0\n',
  'maxFileSize: -5\n',
  '- a\n- b\n',
];

function ours(text: string): boolean {
  try {
    parseConfigFile(text, '/project/.keyhound.yaml');
    return true;
  } catch (error) {
    if (error instanceof ConfigError) return false;
    throw error;
  }
}

function theirs(text: string): boolean {
  return validate(parse(text) ?? {});
}

describe('schema/keyhound.schema.json and the config validator agree', () => {
  it('on the top-level keys', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...CONFIG_KEYS].sort());
  });
  for (const text of VALID) {
    it(`both accept: ${JSON.stringify(text.slice(0, 60))}`, () => {
      expect(ours(text)).toBe(true);
      expect(theirs(text), JSON.stringify(validate.errors)).toBe(true);
    });
  }
  for (const text of INVALID) {
    it(`both reject: ${JSON.stringify(text.slice(0, 60))}`, () => {
      expect(ours(text)).toBe(false);
      expect(theirs(text)).toBe(false);
    });
  }
});
