import type { Problem } from '../core/errors.js';
import { globProblem } from '../core/glob.js';
import { CONFIDENCES, SEVERITIES, type AllowRegex, type NearSpec, type PositiveExample, type RuleSpec } from '../core/types.js';
import { CHECKSUMS } from '../core/checksums/index.js';
import { expandPatternMacros } from './grammar.js';
import { parseVerifyBlock } from './verify-block.js';

const RULE_FIELDS = new Set([
  'id', 'title', 'severity', 'confidence', 'keywords', 'pattern', 'flags', 'entropy', 'checksum', 'allow', 'paths',
  'near', 'window', 'report', 'placeholders', 'generic', 'references', 'remediation', 'tags', 'examples', 'verify',
]);
const ALLOWED_FLAGS = /^[imsu]*$/;
const ID_SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

interface Context {
  file: string;
  line?: number;
  providerName: string;
  providerKey: string;
  /** Line of the rule's `verify:` key, for problems in that block. */
  verifyLine?: number;
}

/** Checks one raw rule object. Returns the typed rule (when usable) and every problem found. */
export function validateRule(raw: unknown, context: Context): { rule?: RuleSpec; problems: Problem[] } {
  const problems: Problem[] = [];
  const at = (message: string, subject?: string): void => {
    problems.push({ file: context.file, line: context.line, subject, message });
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    at('a rule must be a mapping of fields (id, title, pattern, ...)');
    return { problems };
  }
  const r = raw as Record<string, unknown>;
  const id = typeof r.id === 'string' ? r.id : undefined;
  const subject = id ?? '(rule without id)';
  const bad = (message: string): void => at(message, subject);

  for (const key of Object.keys(r)) if (!RULE_FIELDS.has(key)) bad(`unknown field "${key}" (known: ${[...RULE_FIELDS].join(', ')})`);
  if (!id) bad('missing "id" (kebab-case, e.g. "github-pat-classic")');
  else if (!ID_SHAPE.test(id)) bad(`id "${id}" must be kebab-case: lower-case letters, digits and single dashes`);

  const text = (key: string, required = true): string | undefined => {
    const value = r[key];
    if (value === undefined) {
      if (required) bad(`missing "${key}"`);
      return undefined;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      bad(`"${key}" must be a non-empty string`);
      return undefined;
    }
    return value;
  };
  const strings = (key: string, required: boolean): string[] | undefined => {
    const value = r[key];
    if (value === undefined) {
      if (required) bad(`missing "${key}" (a list of strings)`);
      return undefined;
    }
    // Array.from: `some` skips the holes of a sparse array (rules given through the library API can have them).
    if (!Array.isArray(value) || Array.from(value).some((v) => typeof v !== 'string')) {
      bad(`"${key}" must be a list of strings`);
      return undefined;
    }
    return value as string[];
  };

  const title = text('title');
  const severity = text('severity');
  if (severity && !SEVERITIES.includes(severity as never)) bad(`severity "${severity}" must be one of ${SEVERITIES.join(', ')}`);
  const confidence = text('confidence');
  if (confidence && !CONFIDENCES.includes(confidence as never)) bad(`confidence "${confidence}" must be one of ${CONFIDENCES.join(', ')}`);

  const keywords = strings('keywords', true);
  if (keywords) {
    if (keywords.length === 0) bad('"keywords" needs at least one keyword: the prefilter runs a rule only where one occurs');
    for (const keyword of keywords) {
      if (keyword !== keyword.toLowerCase()) bad(`keyword "${keyword}" must be lower-case`);
      if (keyword.length < 3) bad(`keyword "${keyword}" is shorter than 3 characters and would match almost everywhere`);
      if (!/^[\x20-\x7e]+$/.test(keyword)) bad(`keyword "${keyword}" must be printable ASCII`);
    }
  }

  let pattern = text('pattern');
  if (pattern) {
    try {
      pattern = expandPatternMacros(pattern);
    } catch (error) {
      bad(`pattern: ${(error as Error).message}`);
      pattern = undefined;
    }
  }
  const flags = r.flags === undefined ? undefined : text('flags', false);
  if (flags !== undefined && !ALLOWED_FLAGS.test(flags)) bad(`flags "${flags}" may only hold i, m, s and u (the engine adds g and d)`);
  if (pattern) {
    try {
      const compiled = new RegExp(pattern, `${flags ?? ''}d`);
      if (!/\(\?<secret>/.test(pattern)) bad('pattern has no named group "secret": wrap the secret part in (?<secret>...)');
      if (compiled.test('')) bad('pattern matches the empty string');
    } catch (error) {
      bad(`pattern does not compile: ${(error as Error).message} (check brackets and escapes; in YAML, single-quote patterns so backslashes stay as written)`);
    }
  }

  let entropy: number | undefined;
  if (r.entropy !== undefined) {
    if (typeof r.entropy !== 'number' || r.entropy < 0 || r.entropy > 8) bad('"entropy" must be a number of bits per character between 0 and 8');
    else entropy = r.entropy;
  }
  const checksum = r.checksum === undefined ? undefined : text('checksum', false);
  if (checksum && !CHECKSUMS.has(checksum)) bad(`checksum "${checksum}" is not a known validator (known: ${[...CHECKSUMS.keys()].join(', ')})`);

  const allow = parseAllow(r.allow, bad);
  const paths = strings('paths', false);
  for (const glob of paths ?? []) {
    const problem = glob.trim() === '' ? 'an empty glob in "paths" matches nothing' : globProblem(glob);
    if (problem) bad(`paths: ${problem}`);
  }
  const near = parseNear(r.near, bad);

  let window: number | undefined;
  if (r.window !== undefined) {
    if (!Number.isInteger(r.window) || (r.window as number) < 16 || (r.window as number) > 100_000) bad('"window" must be a whole number of characters between 16 and 100000');
    else window = r.window as number;
  }
  for (const key of ['report', 'placeholders', 'generic'] as const) {
    if (r[key] !== undefined && typeof r[key] !== 'boolean') bad(`"${key}" must be true or false`);
  }

  const references = strings('references', true);
  if (references && references.length === 0) bad('"references" needs at least one link to the provider\'s documentation of the format');
  for (const reference of references ?? []) if (!/^https?:\/\//.test(reference)) bad(`reference "${reference}" must be an http(s) URL`);
  const remediation = text('remediation');
  const tags = strings('tags', false);
  const examples = parseExamples(r.examples, bad);
  const verify =
    r.verify === undefined
      ? undefined
      : parseVerifyBlock(r.verify, (message) => problems.push({ file: context.file, line: context.verifyLine ?? context.line, subject, message }));

  if (problems.length > 0 || !id || !title || !severity || !confidence || !keywords || !pattern || !references || !remediation || !examples) {
    return { problems };
  }
  const rule: RuleSpec = {
    id, title, provider: context.providerName, providerKey: context.providerKey,
    severity: severity as RuleSpec['severity'], confidence: confidence as RuleSpec['confidence'],
    keywords, pattern, references, remediation, examples,
    source: { file: context.file, line: context.line },
  };
  if (flags) rule.flags = flags;
  if (entropy !== undefined) rule.entropy = entropy;
  if (checksum) rule.checksum = checksum;
  if (allow) rule.allow = allow;
  if (paths) rule.paths = paths;
  if (near) rule.near = near;
  if (window !== undefined) rule.window = window;
  if (r.report === false) rule.report = false;
  if (r.placeholders === false) rule.placeholders = false;
  if (r.generic === true) rule.generic = true;
  if (tags) rule.tags = tags;
  if (verify) {
    rule.verify = verify;
    // The endpoint's documentation is one of the rule's references (reports cite it).
    for (const doc of verify.docs) if (!rule.references.includes(doc)) rule.references = [...rule.references, doc];
    // A partner the rule does not find yet gets its own `near` pattern, never required: detection does not change.
    for (const partner of Object.values(verify.partners ?? {})) {
      if (partner.near)
        rule.near = [...(rule.near ?? []), { pattern: partner.near, ...(partner.flags ? { flags: partner.flags } : {}), lines: partner.lines ?? 10, required: false }];
    }
  }
  return { rule, problems };
}

function parseAllow(value: unknown, bad: (m: string) => void): AllowRegex[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    bad('"allow" must be a list of regexes or { regex, target } entries');
    return undefined;
  }
  const out: AllowRegex[] = [];
  for (const entry of value) {
    const item: AllowRegex | undefined = typeof entry === 'string' ? { regex: entry } : typeof entry === 'object' && entry !== null ? (entry as AllowRegex) : undefined;
    if (!item || typeof item.regex !== 'string') {
      bad('each "allow" entry must be a regex string or { regex, target }');
      continue;
    }
    if (item.target !== undefined && !['secret', 'match', 'line'].includes(item.target)) bad(`allow target "${item.target}" must be secret, match or line`);
    if (item.flags !== undefined && (typeof item.flags !== 'string' || !ALLOWED_FLAGS.test(item.flags))) bad(`allow flags "${JSON.stringify(item.flags)}" may only hold i, m, s and u`);
    try {
      new RegExp(item.regex, typeof item.flags === 'string' ? item.flags : '');
    } catch (error) {
      bad(`allow regex "${item.regex}" does not compile: ${(error as Error).message}`);
    }
    out.push(item);
  }
  return out;
}

function parseNear(value: unknown, bad: (m: string) => void): NearSpec[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    bad('"near" must be a list of { rule | pattern, lines, required } entries');
    return undefined;
  }
  const out: NearSpec[] = [];
  for (const entry of value) {
    if (typeof entry !== 'object' || entry === null) {
      bad('each "near" entry must be a mapping');
      continue;
    }
    const near = entry as NearSpec & Record<string, unknown>;
    for (const key of Object.keys(near)) if (!['rule', 'pattern', 'flags', 'lines', 'required'].includes(key)) bad(`unknown field "${key}" in near (known: rule, pattern, flags, lines, required)`);
    if ((near.rule === undefined) === (near.pattern === undefined)) bad('each "near" entry needs exactly one of "rule" or "pattern"');
    if (near.pattern !== undefined) {
      try {
        near.pattern = expandPatternMacros(near.pattern);
        new RegExp(near.pattern, near.flags ?? '');
      } catch (error) {
        bad(`near pattern does not compile: ${(error as Error).message}`);
      }
    }
    if (near.lines !== undefined && (!Number.isInteger(near.lines) || near.lines < 0 || near.lines > 200)) bad('near "lines" must be a whole number between 0 and 200');
    if (near.required !== undefined && typeof near.required !== 'boolean') bad('near "required" must be true or false');
    out.push(near);
  }
  return out;
}

function parseExamples(value: unknown, bad: (m: string) => void): RuleSpec['examples'] | undefined {
  if (typeof value !== 'object' || value === null) {
    bad('missing "examples" with "positive" and "negative" lists: a rule without proof cannot land');
    return undefined;
  }
  const { positive, negative } = value as Record<string, unknown>;
  const positives: PositiveExample[] = [];
  if (!Array.isArray(positive) || positive.length === 0) bad('"examples.positive" needs at least one example');
  else {
    for (const example of positive) {
      if (typeof example === 'string') positives.push({ text: example });
      else if (typeof example === 'object' && example !== null && typeof (example as PositiveExample).text === 'string') {
        // YAML reads `secret: 1234` as a number; the secret is its text.
        const { text, secret } = example as { text: string; secret?: string | number };
        positives.push(secret === undefined ? { text } : { text, secret: typeof secret === 'number' ? String(secret) : secret });
      } else bad('each positive example must be a string or { text, secret }');
    }
  }
  if (!Array.isArray(negative) || negative.length === 0 || Array.from(negative).some((n) => typeof n !== 'string')) {
    bad('"examples.negative" needs at least one string example');
    return undefined;
  }
  return { positive: positives, negative: negative as string[] };
}
