import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/detect/engine.js';
import { builtinRulesDir, loadRules } from '../../src/rules/load.js';
import path from 'node:path';

// The generic rules alone, so these tests do not depend on every provider file.
const genericRules = () => loadRules([path.join(builtinRulesDir(), 'generic.yaml')]);
import { testRule } from '../helpers/rules.js';
import { badGithubToken, base62, githubToken, hex, randomFrom } from '../helpers/tokens.js';

const tokenRule = testRule({
  id: 'test-token',
  keywords: ['tok_'],
  pattern: '(?<![A-Za-z0-9])(?<secret>tok_[A-Za-z0-9]{32})(?![A-Za-z0-9])',
  entropy: 3,
});
const scan = (engine: Engine, text: string, path = 'file.txt') => engine.scan({ text, origin: { path } });

describe('Engine', () => {
  it('reports the secret group with 1-based location and snippet, and no fingerprint (the runner makes them)', () => {
    const secret = `tok_${base62(32)}`;
    const { findings } = scan(new Engine([tokenRule]), `line one\r\n  value = ${secret}\r\n`);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f).toMatchObject({ ruleId: 'test-token', line: 2, column: 11, endLine: 2, endColumn: 11 + secret.length, secret });
    // A fingerprint costs a scrypt: only what the runner reports gets one (test/scan/fingerprints.test.ts).
    expect(f!.fingerprint).toBe('');
    expect(f!.snippet).not.toContain(secret);
    expect(f!.snippet).toContain('value = tok_');
  });

  it('runs no regex when no keyword occurs', () => {
    const engine = new Engine([testRule({ id: 'test-any', keywords: ['zzzq'], pattern: '(?<secret>[a-z]{10})' })]);
    expect(scan(engine, 'abcdefghijklmnop').findings).toEqual([]);
  });

  it('finds a match far from line breaks on a huge single line (window widening)', () => {
    const rule = testRule({ id: 'test-long', keywords: ['begin'], pattern: 'BEGIN(?<secret>[A-Z]{100,4000})END', window: 16 });
    // No vowels and no neighbouring letters: 3,000 random capitals held "todo", "fake" or "xxxx" one run in fifty, which the placeholder filter rightly drops.
    const secret = randomFrom('BDGJLNQSVZ', 3000);
    const text = `${'x'.repeat(50_000)}BEGIN${secret}END${'y'.repeat(50_000)}`;
    const { findings } = scan(new Engine([rule], { explain: true }), text);
    expect(findings.map((f) => f.secret.length)).toEqual([3000]);
  });

  it('does not cut a token at a window edge into a shorter "secret"', () => {
    const rule = testRule({ id: 'test-edge', keywords: ['key='], pattern: 'key=(?<secret>[a-z0-9]{8,2000})', window: 16 });
    const value = hex(1500);
    const { findings } = scan(new Engine([rule]), `key=${value}`);
    expect(findings[0]!.secret).toBe(value);
  });

  it('drops low-entropy and placeholder candidates, saying why with --explain', () => {
    const engine = new Engine([tokenRule], { explain: true });
    const result = scan(engine, `a tok_${'ab'.repeat(16)}\nb tok_EXAMPLE${base62(25)}\n`);
    expect(result.findings).toEqual([]);
    expect(result.suppressed.map((s) => [s.line, s.filter])).toEqual([
      [1, 'entropy'],
      [2, 'placeholder'],
    ]);
    expect(result.suppressed[0]!.reason).toMatch(/low entropy 1\.\d\d < 3/);
  });

  it('honours inline keyhound:allow, allow-next-line, blocks, and gitleaks / detect-secrets markers', () => {
    const engine = new Engine([tokenRule], { explain: true });
    const t = () => `tok_${base62(32)}`;
    const text = [
      `a = ${t()} # keyhound:allow test fixture`,
      '// keyhound:allow-next-line test-token',
      `b = ${t()}`,
      `c = ${t()} // keyhound:allow test-other-rule`,
      `d = ${t()} # gitleaks:allow`,
      `e = ${t()}  # pragma: allowlist secret`,
      '# keyhound:disable',
      `f = ${t()}`,
      '# keyhound:enable',
      `g = ${t()}`,
    ].join('\n');
    const result = scan(engine, text);
    expect(result.findings.map((f) => f.line)).toEqual([4, 10]);
    expect(result.suppressed.every((s) => s.filter === 'inline')).toBe(true);
    expect(result.suppressed.map((s) => s.line)).toEqual([1, 3, 5, 6, 8]);
  });

  it('reports only findings on the given lines (diff and staged scans)', () => {
    const text = `x tok_${base62(32)}\ny tok_${base62(32)}\n`;
    const { findings } = new Engine([tokenRule]).scan({ text, origin: { path: 'f' }, lines: [{ start: 2, end: 2 }] });
    expect(findings.map((f) => f.line)).toEqual([2]);
  });

  it('requires and captures near context for paired credentials', () => {
    const rule = testRule({
      id: 'test-pair',
      keywords: ['secret'],
      pattern: 'secret=(?<secret>[A-Za-z0-9]{20})',
      near: [{ pattern: '(?<site>[a-z0-9-]{1,30}\\.example\\.net)', lines: 2, required: true }],
    });
    const engine = new Engine([rule], { explain: true });
    const paired = scan(engine, `host=acme.example.net\nsecret=${base62(20)}\n`);
    expect(paired.findings[0]!.context).toEqual({ site: 'acme.example.net' });
    const alone = scan(engine, `secret=${base62(20)}\n\n\n\nhost=acme.example.net\n`);
    expect(alone.findings).toEqual([]);
    expect(alone.suppressed[0]!.filter).toBe('near');
  });

  it('reports one finding when a provider rule and a generic rule match the same secret', async () => {
    const rules = genericRules().filter((r) => r.id === 'generic-api-key');
    const engine = new Engine([...rules, tokenRule], { explain: true });
    await engine.prepare();
    const { findings, suppressed } = scan(engine, `API_TOKEN=tok_${base62(32)}\n`);
    expect(findings.map((f) => f.ruleId)).toEqual(['test-token']);
    expect(suppressed.some((s) => s.ruleId === 'generic-api-key' && s.filter === 'overlap')).toBe(true);
  });

  it('validates checksums and keeps generic rules from reporting a token whose checksum fails', async () => {
    const ghRule = testRule({
      id: 'test-gh',
      keywords: ['ghp_'],
      pattern: '(?<secret>ghp_[A-Za-z0-9]{36})(?![A-Za-z0-9])',
      checksum: 'github-crc32',
    });
    const engine = new Engine([...genericRules(), ghRule], { explain: true });
    await engine.prepare();
    const good = githubToken();
    const bad = badGithubToken();
    const result = scan(engine, `GITHUB_TOKEN=${good}\nGITHUB_TOKEN=${bad}\n`);
    expect(result.findings.map((f) => [f.ruleId, f.line])).toEqual([['test-gh', 1]]);
    expect(
      result.suppressed
        .filter((s) => s.line === 2)
        .map((s) => s.filter)
        .sort(),
    ).toEqual(['checksum', 'checksum']);
  });

  it('locates a multi-line private key block from its first to its last line', () => {
    const rule = testRule({
      id: 'test-pem',
      keywords: ['-----begin'],
      pattern: '(?<secret>-----BEGIN PRIVATE KEY-----[\\s\\S]{20,8000}?-----END PRIVATE KEY-----)',
      window: 12000,
    });
    const body = Array.from({ length: 10 }, () => base62(64)).join('\r\n');
    const text = `const key = \`\r\n-----BEGIN PRIVATE KEY-----\r\n${body}\r\n-----END PRIVATE KEY-----\`;\r\n`;
    const [f] = scan(new Engine([rule]), text).findings;
    expect(f).toMatchObject({ line: 2, column: 1, endLine: 13, endColumn: 26 });
    expect(f!.snippet).not.toContain(body.slice(0, 20));
  });

  it("masks every candidate on a snippet line, not only the finding's own secret", () => {
    const idRule = testRule({ id: 'test-id', keywords: ['id_'], pattern: '(?<secret>id_[a-f0-9]{24})' });
    const secret = `tok_${base62(32)}`;
    const id = `id_${hex(24)}`;
    const { findings } = scan(new Engine([tokenRule, idRule]), `${id} ${secret}`);
    for (const f of findings) {
      expect(f.snippet).not.toContain(secret);
      expect(f.snippet).not.toContain(id);
    }
  });

  it('shows the snippet whole only when redaction is off', () => {
    const secret = `tok_${base62(32)}`;
    const [f] = scan(new Engine([tokenRule], { redact: false }), `v=${secret}`).findings;
    expect(f!.snippet).toBe(`v=${secret}`);
  });
});
