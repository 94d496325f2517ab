import { describe, expect, it } from 'vitest';
import { fake, runCliAsync } from '../helpers/providers.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { base62, githubToken } from '../helpers/tokens.js';

const b64 = (text: string): string => Buffer.from(text).toString('base64');

interface JsonFinding {
  ruleId: string;
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  secret: string;
  snippet: string;
  decoded?: string;
}

async function scan(dir: string, ...args: string[]): Promise<{ code: number; findings: JsonFinding[]; stdout: string }> {
  const result = await runCliAsync(['scan', dir, '--format', 'json', ...args]);
  expect(result.stderr).not.toMatch(/internal error/);
  return { code: result.code, findings: JSON.parse(result.stdout).findings, stdout: result.stdout };
}

/** 1-based column of `needle` on its line, and the column just past it. */
function columns(text: string, needle: string): { line: number; column: number; endColumn: number } {
  const offset = text.indexOf(needle);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column, endColumn: column + needle.length };
}

describe('keyhound scan: secrets inside encoded text (real process)', () => {
  it('Kubernetes Secret data values: reported at the encoded value, decoded, with the encoded value masked whole', async () => {
    const password = base62(24);
    const token = githubToken();
    const manifest = [
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: app',
      'type: Opaque',
      'data:',
      `  username: ${b64('admin')}`,
      `  password: ${b64(password)}`,
      `  github-token: ${b64(token)}`,
      '',
    ].join('\n');
    const json = JSON.stringify(
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'j' }, data: { db_password: b64(`${password}x`) } },
      null,
      2,
    );
    const dir = tempDir();
    writeTree(dir, { 'k8s/secret.yaml': manifest, 'k8s/secret.json': json });

    const whole = await scan(dir, '--no-redact');
    const yaml = whole.findings.filter((f) => f.path === 'k8s/secret.yaml');
    expect(yaml.map((f) => [f.ruleId, f.secret, f.decoded])).toEqual([
      ['generic-password', password, 'base64'],
      ['github-pat-classic', token, 'base64'],
    ]);
    expect(yaml[0]).toMatchObject({ ...columns(manifest, b64(password)), endLine: 8 });
    expect(yaml[1]).toMatchObject(columns(manifest, b64(token)));
    expect(whole.findings.find((f) => f.path === 'k8s/secret.json')).toMatchObject({
      ruleId: 'generic-password',
      secret: `${password}x`,
      decoded: 'base64',
      ...columns(json, b64(`${password}x`)),
    });

    // Redacted (the default): neither the secret nor its encoded form appears anywhere.
    const redacted = await scan(dir);
    expect(redacted.findings.find((f) => f.ruleId === 'generic-password' && f.path === 'k8s/secret.yaml')?.snippet).toBe(
      'password: ************',
    );
    for (const text of [password, token, b64(password), b64(token), b64(token).slice(4, 24)]) expect(redacted.stdout).not.toContain(text);
  });

  it('a Kubernetes dockerconfigjson secret: two layers (base64 JSON holding a base64 auth) at the default depth', async () => {
    const token = githubToken();
    const config = JSON.stringify({ auths: { 'ghcr.io': { auth: b64(`ci-bot:${token}`) } } });
    const manifest = `apiVersion: v1\nkind: Secret\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: ${b64(config)}\n`;
    const dir = tempDir();
    writeTree(dir, { 'pull-secret.yaml': manifest });
    const { findings } = await scan(dir, '--no-redact');
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: 'github-pat-classic', secret: token, decoded: 'base64/base64', ...columns(manifest, b64(config)) }),
    ]);
  });

  it('Docker config.json auths: the decoded user:password is scanned, a known token beats the generic auth rule, and nothing is reported twice', async () => {
    const token = githubToken();
    const password = base62(20);
    const config = JSON.stringify(
      { auths: { 'ghcr.io': { auth: b64(`octo:${token}`) }, 'registry.example.org': { auth: b64(`deploy:${password}`) } } },
      null,
      2,
    );
    const dir = tempDir();
    writeTree(dir, { '.docker/config.json': config });
    const { findings } = await scan(dir, '--no-redact');
    expect(findings.map((f) => [f.ruleId, f.line, f.decoded ?? 'plain']).sort()).toEqual([
      ['docker-config-auth', columns(config, b64(`deploy:${password}`)).line, 'plain'],
      ['github-pat-classic', columns(config, b64(`octo:${token}`)).line, 'base64'],
    ]);
    expect(findings.find((f) => f.ruleId === 'github-pat-classic')).toMatchObject({
      secret: token,
      ...columns(config, b64(`octo:${token}`)),
    });
  });

  it('.npmrc _auth (base64 user:password) and _password (base64 password)', async () => {
    const npmToken = githubToken('npm_');
    const password = base62(22);
    const npmrc = `registry=https://registry.npmjs.org/\n_auth=${b64(`publisher:${npmToken}`)}\n//npm.example.org/:username=ci\n//npm.example.org/:_password=${b64(password)}\n`;
    const dir = tempDir();
    writeTree(dir, { '.npmrc': npmrc });
    const { findings } = await scan(dir, '--no-redact');
    expect(findings.map((f) => [f.ruleId, f.line, f.secret, f.decoded])).toEqual([
      ['npm-access-token', 2, npmToken, 'base64'],
      ['generic-password', 4, password, 'base64'],
    ]);
  });

  it('Authorization: Basic headers, base64 env values, hex, percent-encoding and \\x escapes', async () => {
    const tokens = Array.from({ length: 5 }, () => githubToken());
    const stripe = fake.stripeLive();
    const files = {
      'call.sh': `curl -H "Authorization: Basic ${b64(`ci:${tokens[0]}`)}" https://api.example.org/v1/builds\n`,
      'app.env': `APP_CONFIG=${b64(`DEBUG=false\nSTRIPE_SECRET_KEY=${stripe}\n`)}\n`,
      'hex.txt': `blob = ${Buffer.from(`token=${tokens[1]}`).toString('hex')}\n`,
      'redirect.txt': `https://example.org/callback?state=${encodeURIComponent(JSON.stringify({ token: tokens[2] }))}&x=1\n`,
      'escaped.js': `const t = "${Array.from(`gh=${tokens[3]}`)
        .map((c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
        .join('')}";\n`,
      'unicode.json': `{"v": "${Array.from(tokens[4]!)
        .map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
        .join('')}"}\n`,
    };
    const dir = tempDir();
    writeTree(dir, files);
    const { findings } = await scan(dir, '--no-redact');
    const got = Object.fromEntries(findings.map((f) => [f.path, [f.ruleId, f.secret, f.decoded]]));
    expect(got).toEqual({
      'call.sh': ['github-pat-classic', tokens[0], 'base64'],
      'app.env': ['stripe-secret-key', stripe, 'base64'],
      'hex.txt': ['github-pat-classic', tokens[1], 'hex'],
      'redirect.txt': ['github-pat-classic', tokens[2], 'percent'],
      'escaped.js': ['github-pat-classic', tokens[3], 'escape'],
      'unicode.json': ['github-pat-classic', tokens[4], 'escape'],
    });
  });

  it('looks through two layers by default, more with --decode-depth, none with --decode-depth 0', async () => {
    const tokens = [githubToken(), githubToken(), githubToken()];
    let twice = `token: ${tokens[0]}`;
    let thrice = `token: ${tokens[1]}`;
    for (let i = 0; i < 2; i++) twice = b64(twice);
    for (let i = 0; i < 3; i++) thrice = b64(thrice);
    const dir = tempDir();
    writeTree(dir, {
      'twice.txt': `value: ${twice}\n`,
      'thrice.txt': `value: ${thrice}\n`,
      'once.txt': `value: ${b64(`token: ${tokens[2]}`)}\n`,
    });

    const byDefault = await scan(dir, '--no-redact');
    expect(byDefault.findings.map((f) => [f.path, f.decoded])).toEqual([
      ['once.txt', 'base64'],
      ['twice.txt', 'base64/base64'],
    ]);
    const deeper = await scan(dir, '--no-redact', '--decode-depth', '3');
    expect(deeper.findings.find((f) => f.path === 'thrice.txt')).toMatchObject({
      secret: tokens[1],
      decoded: 'base64/base64/base64',
      line: 1,
      column: 8,
    });
    const off = await scan(dir, '--decode-depth', '0');
    expect(off.findings).toEqual([]);
    expect(off.code).toBe(0);
  });

  it('masks an encoded secret in the snippets of other findings on its line, and honours inline markers on the encoded line', async () => {
    const plain = githubToken();
    const hidden = githubToken();
    const encoded = b64(`token=${hidden}`);
    const dir = tempDir();
    writeTree(dir, {
      'both.env': `A=${plain} B=${encoded}\n`,
      'allowed.env': `FIXTURE=${b64(`token=${githubToken()}`)} # keyhound:allow test fixture\n`,
    });
    const { findings, stdout } = await scan(dir);
    expect(findings.map((f) => [f.path, f.decoded ?? 'plain'])).toEqual([
      ['both.env', 'plain'],
      ['both.env', 'base64'],
    ]);
    for (const f of findings) expect(f.snippet).toMatch(/^A=ghp_[A-Za-z0-9]{3}\*{12} B=\*{12}$/);
    expect(stdout).not.toContain(encoded.slice(0, 8));
  });
});
