import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalRequest, signingKey, signV4 } from '../../src/verify/sigv4.js';

// The worked example of AWS's "Create a signed AWS API request" (IAM ListUsers,
// 2015-08-30T12:36:00Z) with the documentation's example credentials, assembled
// here from pieces: the values are AWS's published, non-working examples.
const EXAMPLE = {
  accessKeyId: ['AKID', 'EXAMPLE'].join(''),
  secretAccessKey: `wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY`,
};
const REQUEST = {
  method: 'GET',
  host: 'iam.amazonaws.com',
  path: '/',
  query: 'Action=ListUsers&Version=2010-05-08',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
};
const WHEN = new Date('2015-08-30T12:36:00Z');

describe('SigV4 against the AWS documentation example', () => {
  it('builds the documented canonical request, signing key and signature', () => {
    expect(EXAMPLE.secretAccessKey).toHaveLength(40);
    const headers = { ...REQUEST.headers, host: REQUEST.host, 'x-amz-date': '20150830T123600Z' };
    const { text, signedHeaders } = canonicalRequest(REQUEST, headers);
    expect(signedHeaders).toBe('content-type;host;x-amz-date');
    expect(createHash('sha256').update(text).digest('hex')).toBe('f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59');
    expect(signingKey(EXAMPLE.secretAccessKey, '20150830', { region: 'us-east-1', service: 'iam' }).toString('hex')).toBe(
      'c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9',
    );
    const signed = signV4(REQUEST, EXAMPLE, { region: 'us-east-1', service: 'iam' }, WHEN);
    expect(signed.authorization).toBe(
      `AWS4-HMAC-SHA256 Credential=${EXAMPLE.accessKeyId}/20150830/us-east-1/iam/aws4_request, ` +
        'SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7',
    );
    expect(signed['x-amz-date']).toBe('20150830T123600Z');
  });

  it('signs the session token when there is one, and a different body gives a different signature', () => {
    const post = { method: 'POST', host: 'sts.amazonaws.com', path: '/', body: 'Action=GetCallerIdentity&Version=2011-06-15' };
    const scope = { region: 'us-east-1', service: 'sts' };
    const withToken = signV4(post, { ...EXAMPLE, sessionToken: 'session' }, scope, WHEN);
    expect(withToken['x-amz-security-token']).toBe('session');
    expect(withToken.authorization).toContain('SignedHeaders=host;x-amz-date;x-amz-security-token,');
    expect(signV4(post, EXAMPLE, scope, WHEN).authorization).not.toBe(
      signV4({ ...post, body: `${post.body}&x=1` }, EXAMPLE, scope, WHEN).authorization,
    );
  });
});
