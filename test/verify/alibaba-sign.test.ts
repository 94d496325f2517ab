import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signRpcQuery } from '../../src/verify/alibaba-sign.js';

describe("Alibaba Cloud's RPC signature", () => {
  it("matches the vendor's worked example (DescribeRegions, key testsecret)", () => {
    const query = signRpcQuery(
      'GET',
      {
        AccessKeyId: 'testid',
        Action: 'DescribeRegions',
        Format: 'XML',
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
        SignatureVersion: '1.0',
        Timestamp: '2016-02-23T12:46:24Z',
        Version: '2014-05-26',
      },
      'testsecret',
    );
    expect(new URLSearchParams(query).get('Signature')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
    expect(query).toContain('Timestamp=2016-02-23T12%3A46%3A24Z');
  });

  it('encodes per RFC 3986 before signing (space as %20, * and ~ as the spec says)', () => {
    const query = signRpcQuery('GET', { A: 'x y*~' }, 's');
    expect(query.startsWith('A=x%20y%2A~&Signature=')).toBe(true);
    const expected = createHmac('sha1', 's&').update('GET&%2F&A%3Dx%2520y%252A~').digest('base64');
    expect(new URLSearchParams(query).get('Signature')).toBe(expected);
  });
});
