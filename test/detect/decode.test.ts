import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBase64, decodeEscapes, decodeHex, decodePercent, findSegments } from '../../src/detect/decode.js';
import { findFormatSegments } from '../../src/detect/decode-formats.js';
import { base62 } from '../helpers/tokens.js';

const b64 = (text: string): string => Buffer.from(text).toString('base64');

describe('decoding primitives', () => {
  it('decodes standard and URL-safe base64, hex, percent-encoding and escapes to text, and refuses binary', () => {
    const text = `key=${base62(20)}?~>`;
    expect(decodeBase64(b64(text))).toBe(text);
    expect(decodeBase64(Buffer.from(text).toString('base64url'))).toBe(text);
    expect(decodeHex(Buffer.from(text).toString('hex'))).toBe(text);
    expect(decodePercent(encodeURIComponent(text))).toBe(text);
    expect(decodePercent('caf%C3%A9%20ok')).toBe('café ok');
    expect(decodeEscapes('\\x6b\\x65\\x79\\u003d\\u0041')).toBe('key=A');
    expect(decodeBase64(randomBytes(30).toString('base64'))).toBeUndefined();
    expect(decodeHex('00ff10ab')).toBeUndefined();
    expect(decodeBase64('ab+c_d')).toBeUndefined();
  });

  it('finds encoded segments by shape, with their offsets, and leaves code, hashes and random blobs alone', () => {
    const hidden = `API_KEY=${base62(30)}`;
    const text = [
      'function getUserPasswordFromConfigurationManager(settings) {',
      `  const sha = "${randomBytes(32).toString('hex')}";`,
      `  const blob = "${randomBytes(48).toString('base64')}";`,
      `  const config = "${b64(hidden)}";`,
      `  const path = "/usr/local/lib/node_modules/some_package/dist";`,
      '}',
    ].join('\n');
    const segments = findSegments(text);
    expect(segments).toEqual([
      { start: text.indexOf(b64(hidden)), end: text.indexOf(b64(hidden)) + b64(hidden).length, encoding: 'base64', replacement: hidden },
    ]);
    const hex = Buffer.from(hidden).toString('hex');
    expect(findSegments(`x = 0x${hex};`).map((s) => [s.encoding, s.replacement])).toEqual([['hex', hidden]]);
    expect(findSegments(`url?q=${encodeURIComponent(`{"a":"${hidden}"}`)}`).map((s) => s.encoding)).toEqual(['percent']);
    // Too short to bother, even though it decodes.
    expect(findSegments(`v=${b64('short')}`)).toEqual([]);
  });

  it('decodes the values of known formats whatever their length, and gives user:password a password line', () => {
    const k8s = `apiVersion: v1\nkind: Secret\ndata:\n  pw: ${b64('hunter22')}\n  user: "${b64('root')}"\nstringData:\n  x: ${b64('not-data')}\n`;
    expect(findFormatSegments(k8s).map((s) => s.replacement)).toEqual(['hunter22', 'root']);
    expect(findFormatSegments(`Authorization: Basic ${b64('me:pass1234')}`).map((s) => s.replacement)).toEqual([
      'me:pass1234\npassword=pass1234',
    ]);
    expect(findFormatSegments(`{"auths":{"r":{"auth":"${b64('u:p')}"}}}`).map((s) => s.replacement)).toEqual(['u:p\npassword=p']);
    // Without the format's context, the same values are left to the shape rules.
    expect(findFormatSegments(`data:\n  pw: ${b64('hunter22')}\n`)).toEqual([]);
    expect(findFormatSegments(`Authorization: Basic ${b64('no colon here')}`)).toEqual([]);
  });
});
