import { RegExpParser, type AST } from '@eslint-community/regexpp';
import { describe, expect, it } from 'vitest';
import { compileRules } from '../../src/detect/compile.js';
import { separatorGate } from '../../src/rules/gate.js';
import { ASSIGN, ASSIGN_START, expandPatternMacros, SEPARATORS } from '../../src/rules/grammar.js';
import { builtinRulesDir, loadRules } from '../../src/rules/load.js';
import { expandTemplates, seededRandom } from '../../src/rules/templates.js';
import { spell, SYNTAXES } from '../helpers/syntaxes.js';
import { hex } from '../helpers/tokens.js';
import { testRule } from '../helpers/rules.js';

const parser = new RegExpParser({ ecmaVersion: 2025 });
const START_CHAR = new RegExp(`^${ASSIGN_START.slice(ASSIGN_START.lastIndexOf('['))}$`);

/** Every UTF-16 unit a piece of pattern can start with (assertions let everything through: a superset). */
function firstUnits(elements: readonly AST.Element[]): { units: Set<number>; empty: boolean } {
  const units = new Set<number>();
  for (const element of elements) {
    const first = elementFirst(element);
    for (const u of first.units) units.add(u);
    if (!first.empty) return { units, empty: false };
  }
  return { units, empty: true };
}

function elementFirst(element: AST.Element): { units: Set<number>; empty: boolean } {
  switch (element.type) {
    case 'Assertion':
      return { units: new Set(), empty: true };
    case 'Character':
      return { units: new Set([element.value]), empty: false };
    case 'CharacterClass':
    case 'CharacterSet': {
      const regex = new RegExp(`^${element.raw}$`);
      const units = new Set<number>();
      for (let u = 0; u < 0x10000; u++) if (regex.test(String.fromCharCode(u))) units.add(u);
      return { units, empty: false };
    }
    case 'Quantifier': {
      const inner = elementFirst(element.element);
      return { units: inner.units, empty: inner.empty || element.min === 0 };
    }
    case 'Group':
    case 'CapturingGroup': {
      const units = new Set<number>();
      let empty = false;
      for (const alternative of element.alternatives) {
        const first = firstUnits(alternative.elements);
        for (const u of first.units) units.add(u);
        empty ||= first.empty;
      }
      return { units, empty };
    }
    default:
      throw new Error(`unexpected ${element.type} at the start of a separator`);
  }
}

describe('the separator gate', () => {
  it('lets through every character a separator can start with', () => {
    for (const separator of SEPARATORS) {
      const ast = parser.parsePattern(separator);
      for (const alternative of ast.alternatives) {
        const first = firstUnits(alternative.elements);
        expect(first.empty, separator).toBe(false);
        const missed = [...first.units].filter((u) => !START_CHAR.test(String.fromCharCode(u)));
        expect(missed.map((u) => `U+${u.toString(16)}`), separator).toEqual([]);
      }
    }
  });

  it('cuts a pattern at the grammar, keeping the other alternatives', () => {
    expect(separatorGate('plain(?<secret>x)')).toBeUndefined();
    expect(separatorGate(expandPatternMacros('acme[\\w-]{0,12}{{assign}}(?<secret>[a-f0-9]{32})'))).toBe(`acme[\\w-]{0,12}(?=${ASSIGN_START})`);
    expect(separatorGate(expandPatternMacros('(?:acme(?:key|token){{assign}}|api\\.acme\\.com/k=)(?<secret>[a-f0-9]{32})'))).toBe(
      `(?:acme(?:key|token)(?=${ASSIGN_START})|api\\.acme\\.com/k=)`,
    );
    expect(separatorGate(expandPatternMacros('a{{assign}}(?<secret>x{4})|b(?<other>y)'))).toBe(`a(?=${ASSIGN_START})|b(?<other>y)`);
  });

  it('gives no gate where cutting could reject a match', () => {
    expect(separatorGate(expandPatternMacros('x(?:acme{{assign}})?(?<secret>[a-f0-9]{32})'))).toBeUndefined();
    expect(separatorGate(expandPatternMacros('(?<=acme{{assign}})(?<secret>[a-f0-9]{32})'))).toBeUndefined();
    expect(separatorGate(expandPatternMacros('(?!acme{{assign}})(?<secret>[a-f0-9]{32})'))).toBeUndefined();
  });

  it('is what the engine tries first, sticky for anchored rules and global for windowed ones', () => {
    const pattern = 'acme_token{{assign}}(?<secret>[a-f0-9]{32})';
    const [anchored, windowed] = compileRules([
      testRule({ id: 'test-anchored', keywords: ['acme_token'], pattern: expandPatternMacros(pattern) }),
      testRule({ id: 'test-windowed', keywords: ['acme'], pattern: expandPatternMacros(`(?:my|the)_${pattern}`) }),
    ]);
    expect(anchored!.gate?.sticky).toBe(true);
    expect(windowed!.gate?.global).toBe(true);
    const value = hex(32);
    expect(anchored!.gate!.test(`acme_token = "${value}"`)).toBe(true);
    anchored!.gate!.lastIndex = 0;
    expect(anchored!.gate!.test('acme_tokenizer')).toBe(false);
  });

  // Every built-in context rule: wherever its regex matches, in every syntax of the table
  // and in its own examples, its gate matches at the same place.
  const contextRules = loadRules([builtinRulesDir()]).filter((rule) => rule.pattern.includes(ASSIGN));

  it('exists for every built-in context rule and passes wherever the rule matches', () => {
    expect(contextRules.length).toBeGreaterThan(300);
    const wrong: string[] = [];
    let checked = 0;
    for (const rule of contextRules) {
      const gateSource = separatorGate(rule.pattern);
      if (!gateSource) {
        wrong.push(`${rule.id}: no gate`);
        continue;
      }
      const regex = new RegExp(rule.pattern, `${rule.flags ?? ''}g`);
      const gate = new RegExp(gateSource, `${rule.flags ?? ''}y`);
      const random = seededRandom(rule.id);
      const texts = rule.examples.positive.map((example) => expandTemplates(example.text, random).text);
      for (const text of [...texts]) {
        const secret = regex.exec(text)?.groups?.secret;
        regex.lastIndex = 0;
        const name = /([A-Za-z_][\w.-]{1,80})["'\]]{0,2}[ \t]{0,4}(?:[:=]{1,2}|=>)[ \t]{0,4}["']?$/.exec(text.slice(0, secret ? text.indexOf(secret) : 0))?.[1];
        if (secret && name) for (const syntax of SYNTAXES) texts.push(syntax.render(syntax.casing === 'kebab' ? spell(name.toLowerCase().split(/[^a-z0-9]+/), 'kebab') : name, secret));
      }
      for (const text of texts) {
        for (const m of text.matchAll(regex)) {
          checked++;
          gate.lastIndex = m.index;
          if (!gate.test(text)) wrong.push(`${rule.id}: ${JSON.stringify(text.slice(m.index, m.index + 60))}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(5000);
  });
});
