import { describe, expect, it } from 'vitest';
import type { RuleSpec } from '../../src/core/types.js';
import { Engine } from '../../src/detect/engine.js';
import { nameWords } from '../../src/detect/filters/generic.js';
import { ASSIGN, compactPatternMacros, expandPatternMacros } from '../../src/rules/grammar.js';
import { lintPattern } from '../../src/rules/lint.js';
import { builtinRulesDir, loadRules } from '../../src/rules/load.js';
import { expandTemplates, seededRandom } from '../../src/rules/templates.js';
import { NOT_VALUES, spell, SYNTAXES, type Syntax } from '../helpers/syntaxes.js';
import { base62, hex, randomFrom } from '../helpers/tokens.js';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Value shapes of prefix-less keys: how dozens of vendors issue them. */
const SHAPES: { name: string; pattern: string; make: () => string }[] = [
  {
    name: 'UUID',
    pattern: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
    make: () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`,
  },
  { name: '40 hex', pattern: '[a-f0-9]{40}', make: () => hex(40) },
  { name: '32 base62', pattern: '[A-Za-z0-9]{32}', make: () => base62(32) },
  // Standard base64 with + and / in it, so the value's own punctuation is exercised too.
  { name: '44 base64', pattern: '[A-Za-z0-9+/]{44}', make: () => `${randomFrom(BASE64, 20)}+/${randomFrom(BASE64, 22)}` },
  { name: '43 base64url', pattern: '[A-Za-z0-9_-]{43}', make: () => `${randomFrom(BASE64URL, 20)}-_${randomFrom(BASE64URL, 21)}` },
];

const NAME_WORDS = ['vendor', 'api', 'token'];
const shapeRegex = (pattern: string): RegExp =>
  new RegExp(expandPatternMacros(`(?<![A-Za-z0-9])vendor[_.-]?(?:api[_.-]?)?token{{assign}}(?<secret>${pattern})(?![A-Za-z0-9+/=_-])`), 'i');
const nameIn = (syntax: Syntax): string => spell(NAME_WORDS, syntax.casing === 'original' ? 'snake' : syntax.casing);
/** Syntaxes whose value sits on the line of its name: an empty value there must not take the next line. */
const oneLine = SYNTAXES.filter((s) => !s.render('N', 'V').includes('\n'));

describe('the context grammar', () => {
  it('is lint-clean', () => {
    expect(lintPattern(`vendor[_.-]?token${ASSIGN}(?<secret>[A-Za-z0-9]{32})`, 'i')).toEqual([]);
  });

  it('rejects unknown macros by name', () => {
    expect(() => expandPatternMacros('key{{asign}}(?<secret>x)')).toThrow(/unknown macro \{\{asign\}\}/);
    expect(expandPatternMacros('plain(?<secret>x)')).toBe('plain(?<secret>x)');
  });

  it('folds back into {{assign}} for the bundles, and expands to the same pattern again', () => {
    const folded = compactPatternMacros(expandPatternMacros('acme_token{{assign}}(?<secret>x{8})'));
    expect(folded).toBe('acme_token{{assign}}(?<secret>x{8})');
    for (const rule of loadRules([builtinRulesDir()])) {
      const compact = compactPatternMacros(rule.pattern);
      expect(compact.includes('{{assign}}'), rule.id).toBe(rule.pattern.includes(ASSIGN));
      expect(expandPatternMacros(compact), rule.id).toBe(rule.pattern);
    }
  });

  for (const shape of SHAPES) {
    const regex = shapeRegex(shape.pattern);
    it(`finds a ${shape.name} value in every syntax`, () => {
      const missed: string[] = [];
      for (const syntax of SYNTAXES) {
        const value = shape.make();
        const match = regex.exec(syntax.render(nameIn(syntax), value));
        if (match?.groups?.secret !== value) missed.push(`${syntax.name}: ${match ? `took "${match.groups?.secret}"` : 'no match'}`);
      }
      expect(missed).toEqual([]);
    });

    it(`takes no reference, command, placeholder or empty value as a ${shape.name}`, () => {
      const wrong: string[] = [];
      for (const syntax of SYNTAXES) {
        for (const notValue of NOT_VALUES) if (regex.test(syntax.render(nameIn(syntax), notValue))) wrong.push(`${syntax.name}: ${notValue}`);
      }
      for (const syntax of oneLine) {
        // The value on the next line belongs to no name on this one.
        if (regex.test(`${syntax.render(nameIn(syntax), '')}\n${shape.make()}`)) wrong.push(`${syntax.name}: empty value`);
      }
      expect(wrong).toEqual([]);
    });
  }
});

// The syntax table test: every built-in rule that uses the grammar finds its
// key in every syntax, through the real engine (filters included), and finds
// nothing for references, placeholders and empty values.
const rules = loadRules([builtinRulesDir()]);
const contextRules = rules.filter((rule) => rule.pattern.includes(ASSIGN) && !rule.near?.some((near) => near.required !== false));

interface Sample {
  name: string;
  secret: string;
}

/** The name and secret of a rule's first positive example that is a plain `NAME=value` line, found by the engine. */
function sampleOf(rule: RuleSpec, engine: Engine): Sample | undefined {
  const random = seededRandom(rule.id);
  for (const example of rule.examples.positive) {
    const text = expandTemplates(example.text, random).text;
    const finding = engine.scan({ text, origin: { path: 'example.txt' } }).findings.find((f) => f.ruleId === rule.id);
    if (!finding) continue;
    const line = text.split('\n')[finding.line - 1] ?? '';
    const before = line.slice(0, finding.column - 1);
    const name = /([A-Za-z_][\w.-]{1,80})["'\]]{0,2}[ \t]{0,4}(?:[:=]{1,2}|=>)[ \t]{0,4}["']?$/.exec(before)?.[1];
    if (!name || /\s/.test(finding.secret)) continue;
    // The plain `NAME=value` line must read as a key of this rule: then the name is one the rule knows.
    const plain = engine.scan({ text: `${name}=${finding.secret}`, origin: { path: 'example.txt' } }).findings;
    if (plain.some((f) => f.ruleId === rule.id && f.secret === finding.secret)) return { name, secret: finding.secret };
  }
  return undefined;
}

describe('the syntax table test', () => {
  it('covers the context rules', () => {
    expect(contextRules.length).toBeGreaterThan(300);
  });

  it('every context rule finds its key in every syntax, and nothing for non-values', async () => {
    const failures: string[] = [];
    let tested = 0;
    for (const rule of contextRules) {
      const partners = (rule.near ?? []).flatMap((near) => rules.filter((r) => r.id === near.rule).map((r) => ({ ...r, report: false })));
      const engine = new Engine([{ ...rule, report: true }, ...partners]);
      await engine.prepare();
      const sample = sampleOf(rule, engine);
      if (!sample) continue;
      tested++;
      const found = (text: string): string[] =>
        engine
          .scan({ text, origin: { path: 'example.txt' } })
          .findings.filter((f) => f.ruleId === rule.id)
          .map((f) => f.secret);
      const words = nameWords(sample.name);
      for (const syntax of SYNTAXES) {
        // The syntax's usual spelling of the name when the rule reads it (`vendorToken`); else the example's own.
        const spelled = syntax.casing === 'original' ? sample.name : spell(words, syntax.casing);
        const accepts = found(`${spelled}=${sample.secret}`).includes(sample.secret);
        const name = accepts ? spelled : sample.name;
        if (syntax.casing === 'kebab' && /[^\w-]/.test(name)) continue;
        if (!found(syntax.render(name, sample.secret)).includes(sample.secret)) failures.push(`${rule.id} misses ${syntax.name}`);
        for (const notValue of NOT_VALUES) {
          if (found(syntax.render(name, notValue)).length > 0) failures.push(`${rule.id} takes ${notValue} in ${syntax.name}`);
        }
        if (!syntax.render('N', 'V').includes('\n') && found(`${syntax.render(name, '')}\n${sample.secret}`).length > 0) {
          failures.push(`${rule.id} takes the next line for an empty value in ${syntax.name}`);
        }
      }
    }
    expect(tested).toBeGreaterThan(300);
    expect(failures).toEqual([]);
  }, 240_000);
});
