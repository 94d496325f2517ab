import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/detect/engine.js';
import { isPublicKeyDer, nameProblem, nameWords } from '../../src/detect/filters/generic.js';
import { builtinRulesDir, loadRules } from '../../src/rules/load.js';
import { base62 } from '../helpers/tokens.js';

const genericRules = () => loadRules([path.join(builtinRulesDir(), 'generic.yaml')]);

async function scan(text: string, file = 'config.txt') {
  const engine = new Engine(genericRules(), { explain: true });
  await engine.prepare();
  return engine.scan({ text, origin: { path: file } });
}

describe('variable names of generic rules', () => {
  it('splits names into words by separators and case', () => {
    expect(nameWords('X-BillomatApiKey')).toEqual(['x', 'billomat', 'api', 'key']);
    expect(nameWords('ABSTRACT_API_KEY2')).toEqual(['abstract', 'api', 'key']);
    expect(nameWords('__vite_ssr_exportName__')).toEqual(['vite', 'ssr', 'export', 'name']);
  });

  it('accepts names with a secret word, whole or glued to a prefix', () => {
    for (const name of ['API_KEY', 'apiMaticKey', 'client_secret', 'writekey', 'DB_PASS', 'authToken', 'secret_key_base', 'x-api-key']) {
      expect(nameProblem(name), name).toBeUndefined();
    }
  });

  it('rejects names without one, with a non-secret qualifier, or that describe a secret', () => {
    expect(nameProblem('monkey')).toMatch(/no word for a secret/);
    expect(nameProblem('keyserver')).toMatch(/no word for a secret/);
    expect(nameProblem('bypass')).toMatch(/no word for a secret/);
    expect(nameProblem('publicKey')).toMatch(/"public key"/);
    expect(nameProblem('DYNAMODB_SORT_KEY')).toMatch(/"sort key"/);
    expect(nameProblem('next_page_token')).toMatch(/"page token"/);
    expect(nameProblem('token_url')).toMatch(/ends in "url"/);
    expect(nameProblem('api_key_id')).toMatch(/ends in "id"/);
    expect(nameProblem('pwd')).toMatch(/working directory/);
    expect(nameProblem('DB_PWD')).toBeUndefined();
  });

  it('lets the word before a name in prose qualify it', () => {
    expect(nameProblem('token', 'page')).toMatch(/"page token"/);
    expect(nameProblem('key', 'public')).toMatch(/"public key"/);
    expect(nameProblem('key', 'api')).toBeUndefined();
  });
});

describe('value shapes', () => {
  it('tells base64 DER public keys and certificates from private keys', () => {
    // DER headers assembled here, followed by random bytes: only the ASN.1 structure matters.
    const der = (header: string) => Buffer.concat([Buffer.from(header.replace(/ /g, ''), 'hex'), randomBytes(48)]).toString('base64');
    expect(isPublicKeyDer(der('3059 3013 0607 2a8648ce3d0201 0608 2a8648ce3d030107 034200 04'))).toBe(true); // EC P-256 SubjectPublicKeyInfo
    expect(isPublicKeyDer(der('30820122 300d 0609 2a864886f70d010101 0500 0382010f 00'))).toBe(true); // RSA SubjectPublicKeyInfo
    expect(isPublicKeyDer(der('30820377 3082025f a003 020102'))).toBe(true); // X.509 certificate
    expect(isPublicKeyDer(der('308204bd 020100 300d 0609 2a864886f70d010101 0500'))).toBe(false); // PKCS#8 private key
    expect(isPublicKeyDer(der('308204a4 020100 02820101 00'))).toBe(false); // PKCS#1 RSA private key
    expect(isPublicKeyDer(base62(44))).toBe(false);
  });
});

describe('generic rules through the engine', () => {
  it('find keys in env files, Go, XML, .NET config, header calls and logs', async () => {
    const key = base62(32);
    const lines = [
      `BILLOMAT_KEY=${key}`,
      `appointeddKey := "${key}"`,
      `<apiKey>${key}</apiKey>`,
      `<add key="PaymentApiKey" value="${key}" />`,
      `req.Header.Set("X-Api-Key", "${key}")`,
      `[DEBUG] Using api key = ${key}`,
      `POSTGRES_PASSWORD=\${POSTGRES_PASSWORD:-${key}}`,
    ];
    for (const line of lines) {
      const { findings } = await scan(line);
      expect(
        findings.map((f) => f.secret),
        line,
      ).toEqual([key]);
    }
  });

  it('stay quiet on code that only looks like an assignment', async () => {
    const quiet = [
      'for (sort keys %$staticlib21) {',
      "(r'JUSTPATH|JUSTSTEM|KEY|KEYMATCH|LASTKEY|LEFT|LEFTC|LEN|')",
      'man2/add_key.2 man2/adjtimex.2 man2/afs_syscall.2',
      'export declare const ssrExportNameKey = "__vite_ssr_exportName__";',
      'toolskey = "VS%0.f0COMNTOOLS" % version',
      '- `{{token:CHECKSUM:PREFIX}}` is a token that passes the validator',
      `publicKey: "${base62(44)}"`,
      'key: "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE1Olb3zMAFFxXKHiIkQO5cJ3Yhl5i6UPp+IhuteBJbuHcA5UogKo0EWtlWwW6KSaKoTNEYL7JlCQiVnkhBktUgg=="',
    ];
    for (const line of quiet) {
      const { findings } = await scan(line);
      expect(findings, line).toEqual([]);
    }
  });
});
