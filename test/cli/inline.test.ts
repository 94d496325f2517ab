import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { base62, githubToken, randomFrom } from '../helpers/tokens.js';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const pem = (): string =>
  [
    '-----BEGIN RSA PRIVATE KEY-----',
    `MIIEowIBAAKCAQEA${randomFrom(B64, 48)}`,
    randomFrom(B64, 64),
    randomFrom(B64, 64),
    '-----END RSA PRIVATE KEY-----',
  ].join('\n');

function scan(dir: string) {
  const result = runCli(['scan', dir, '--format', 'json', '--explain', '-j', '1']);
  const report = JSON.parse(result.stdout);
  return {
    found: report.findings.map((f: { path: string; line: number; ruleId: string }) => `${f.path}:${f.line} ${f.ruleId}`),
    inline: report.suppressed
      .filter((s: { filter: string }) => s.filter === 'inline')
      .map((s: { path: string; line: number; reason: string }) => `${s.path}:${s.line} ${s.reason}`),
  };
}

describe('inline ignore markers (real CLI)', () => {
  it('keyhound:allow, allow-next-line and disable/enable, optionally naming rules', () => {
    const dir = tempDir();
    writeTree(dir, {
      'a.py': [
        `A = "${githubToken()}"  # keyhound:allow test fixture`,
        '# keyhound:allow-next-line github-pat-classic',
        `B = "${githubToken()}"`,
        `C = "${githubToken()}"  # keyhound:allow generic-api-key -- names another rule`,
        '# keyhound:allow',
        `D = "${githubToken()}"`,
        '// keyhound:disable github-pat-classic',
        `E = "${githubToken()}"`,
        '// keyhound:enable',
        `F = "${githubToken()}"`,
      ].join('\n'),
    });
    const { found, inline } = scan(dir);
    // C: the marker names a different rule; D: keyhound:allow covers its own line only; F: a bare enable closed the block.
    expect(found).toEqual(['a.py:4 github-pat-classic', 'a.py:6 github-pat-classic', 'a.py:10 github-pat-classic']);
    expect(inline).toEqual([
      'a.py:1 inline marker keyhound:allow on line 1',
      'a.py:3 inline marker keyhound:allow-next-line on line 2',
      'a.py:8 inline marker keyhound:disable on line 7',
    ]);
  });

  it("honours gitleaks' and detect-secrets' markers", () => {
    const dir = tempDir();
    writeTree(dir, {
      'b.env': [
        `TOKEN_A=${githubToken()} # gitleaks:allow`,
        `API_KEY=${base62(32)}  # pragma: allowlist secret`,
        '# pragma: allowlist nextline secret',
        `API_KEY=${base62(32)}`,
        `API_KEY=${base62(32)}`,
      ].join('\n'),
    });
    const { found, inline } = scan(dir);
    expect(found).toEqual(['b.env:5 generic-api-key']);
    expect(new Set(inline.map((s: string) => s.split(' ')[0]))).toEqual(new Set(['b.env:1', 'b.env:2', 'b.env:4']));
  });

  it('a multi-line secret (a private key) is covered by a marker on the line before it, or on its first line', () => {
    const dir = tempDir();
    writeTree(dir, {
      'keys/one.pem': `# keyhound:allow test key for the TLS suite\n${pem()}\n`,
      'keys/two.pem': `# keyhound:allow-next-line private-key-pem\n${pem()}\n`,
      'keys/three.yaml': `tls:\n  key: |  # keyhound:allow fixture\n${pem().replace(/^/gm, '    ')}\n`,
      'keys/four.pem': `# an unrelated comment\n${pem()}\n`,
      // The marker is about the token on its own line, not the key below it.
      'keys/five.env': `TOKEN=${githubToken()} # keyhound:allow\n${pem()}\n`,
    });
    const { found, inline } = scan(dir);
    expect(found).toEqual(['keys/five.env:2 private-key-pem', 'keys/four.pem:2 private-key-pem']);
    // A generic match inside an allowed key block is covered too (it would have lost to the key rule).
    expect(inline.filter((s: string) => !s.includes('overlaps') && !s.startsWith('keys/five.env:1'))).toEqual([
      'keys/one.pem:2 inline marker keyhound:allow on line 1',
      'keys/three.yaml:3 inline marker keyhound:allow on line 2',
      'keys/two.pem:2 inline marker keyhound:allow-next-line on line 1',
    ]);
  });
});
