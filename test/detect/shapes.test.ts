import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/detect/engine.js';
import { WELL_KNOWN, wellKnownValue } from '../../src/detect/filters/well-known.js';
import { builtinRules } from '../../src/rules/builtin.js';
import { base62, hex } from '../helpers/tokens.js';

// Non-secrets that generic rules took for keys on real code (issue 19), each
// next to a line of the same syntax with a random value, which stays a finding.
const engine = new Engine(builtinRules(), { explain: true });
beforeAll(() => engine.prepare());

function scan(text: string, path = 'src/app.txt') {
  return engine.scan({ text, origin: { path } });
}

const cases: { name: string; text: string; reason: RegExp; kept: string }[] = [
  { name: 'a constant', text: 'knownkey.keytype = CURLKHTYPE_RSA;', reason: /constant/, kept: `knownkey.keytype = ${base62(20)};` },
  {
    name: 'member access',
    text: 'exports.MaxKey = commonJQ8N46C__node.MaxKey;',
    reason: /member access/,
    kept: `exports.MaxKey = ${base62(24)};`,
  },
  {
    name: 'type-checker output',
    text: `ERROR torch/token_utils.py:88:12: token \`dequantize_${hex(6)}x\` is unknown [missing-attribute]`,
    reason: /type-checker output/,
    kept: `token \`${base62(24)}\` is set`,
  },
  { name: 'a WebSocket nonce', text: `Sec-WebSocket-Key: ${base62(22)}==`, reason: /socket key/, kept: `X-Api-Key: ${base62(22)}==` },
  {
    name: 'a SigV4 credential scope',
    text: `Authorization: AWS4-HMAC-SHA256 Credential=AKIA${base62(16).toUpperCase()}/20130524/us-east-1/s3/aws4_request, SignedHeaders=host`,
    reason: /SigV4 credential scope/,
    kept: `credential=${base62(30)}`,
  },
  { name: 'a key pin', text: `pinnedpubkey_key: sha256//${base62(43)}=`, reason: /public-key pin/, kept: `pinned_key: ${base62(43)}=` },
  {
    name: 'a digest next to its role',
    text: `api_key_checksum_sha256 = "${hex(64)}"`,
    reason: /ends in "sha"|digest/,
    kept: `api_key = "${hex(64)}"`,
  },
  {
    name: 'a string concatenation',
    text: `url = "https://x.example/?key="+resIdMatch+"&v=2";`,
    reason: /concatenation/,
    kept: `url = "https://x.example/?key=${base62(24)}&v=2";`,
  },
  // Both from commit messages of git/git, which keyhound git now scans.
  {
    name: 'a hex address in a backtrace',
    text: `    #1  0x000055b3e8b06022 in matches (key=0x55b3ea894360 "section.key", value=0x0,`,
    reason: /a number/,
    kept: `matches (key=${base62(24)}, value=0x0,`,
  },
  {
    name: 'a command-line option after "pass"',
    text: 'When building with `make DEVELOPER=1` we explicitly pass "-std=gnu99" to',
    reason: /command-line option/,
    kept: `we explicitly pass "${base62(12)}" to`,
  },
  {
    name: 'an idempotency token',
    text: `"ClientRequestToken": "${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}",`,
    reason: /request token/,
    kept: `"SessionToken": "${base62(32)}",`,
  },
];

describe('shape filters for non-secrets', () => {
  for (const c of cases) {
    it(`drops ${c.name} and keeps a random value in the same place`, () => {
      const dropped = scan(c.text);
      expect(dropped.findings.filter((f) => f.ruleId.startsWith('generic-'))).toEqual([]);
      expect(dropped.suppressed.map((s) => s.reason).join('\n')).toMatch(c.reason);
      expect(scan(c.kept).findings.length).toBeGreaterThan(0);
    });
  }
});

describe('well-known values', () => {
  it('every entry cites a public page and is unique', () => {
    for (const entry of WELL_KNOWN) expect(entry.source, entry.what).toMatch(/^https:\/\//);
    expect(new Set(WELL_KNOWN.map((e) => e.value)).size).toBe(WELL_KNOWN.length);
  });

  it('drops documentation examples with the reason --explain shows, and keeps look-alikes', () => {
    const docker = WELL_KNOWN.find((e) => e.value.startsWith('SWMKEY-1-'))!.value;
    const stripe = WELL_KNOWN.find((e) => e.value.startsWith('sk_'))!.value;
    const text = [
      '"password": "conta1n3rize14"',
      `UnlockKey: ${docker}`,
      `STRIPE_SECRET_KEY=${stripe}`,
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
      '',
    ].join('\n');
    const result = scan(text, 'docs/api.md');
    expect(result.findings).toEqual([]);
    const reasons = result.suppressed.filter((s) => s.filter === 'published').map((s) => s.reason);
    expect(reasons.join('\n')).toMatch(
      /Docker Engine API documentation's example registry password, published at https:\/\/docs\.docker\.com/,
    );
    expect(reasons.join('\n')).toMatch(/swarm unlock key/);
    expect(reasons.join('\n')).toMatch(/Stripe's documented sample test secret key/);
    expect(wellKnownValue(`${stripe}x`)).toBeUndefined();
    const other = scan(`UnlockKey: SWMKEY-1-${base62(43)}`).findings;
    expect(other.map((f) => f.ruleId)).toContain('docker-swarm-unlock-key');
  });
});
