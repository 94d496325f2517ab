import { describe, expect, it } from 'vitest';
import { basicAuthBase64 } from '../../../src/core/checksums/basic-auth-base64.js';
import { seededRandom } from '../../../src/rules/templates.js';

describe('basic-auth-base64', () => {
  it('accepts generated user:password credentials and rejects a one-character change', () => {
    const value = basicAuthBase64.generate(seededRandom('basic-auth-base64'), '');
    expect(basicAuthBase64.validate(value)).toBe(true);
    // Changing the first character breaks the decoding of the user name ("dXNl" -> "\x9dXNl").
    const changed = (value[0] === '/' ? '+' : '/') + value.slice(1);
    expect(basicAuthBase64.validate(changed)).toBe(false);
  });

  it('uses the prefix as the user name', () => {
    const value = basicAuthBase64.generate(seededRandom('prefix'), 'robot$ci');
    expect(Buffer.from(value, 'base64').toString()).toMatch(/^robot\$ci:[A-Za-z0-9]{24}$/);
  });

  it('rejects base64 that is not user:password', () => {
    expect(basicAuthBase64.validate(Buffer.from('no colon here').toString('base64'))).toBe(false);
    expect(basicAuthBase64.validate(Buffer.from(':password').toString('base64'))).toBe(false);
    expect(basicAuthBase64.validate(Buffer.from([0x01, 0xff, 0x3a, 0x80, 0x41, 0x42]).toString('base64'))).toBe(false);
    expect(basicAuthBase64.validate('not base64!')).toBe(false);
  });
});

describe('basic-auth-base64 with multi-line passwords', () => {
  it('accepts a JSON key file as the password (GCR _json_key)', () => {
    const value = Buffer.from('_json_key:{\n  "type": "service_account"\n}').toString('base64');
    expect(basicAuthBase64.validate(value)).toBe(true);
  });
});
