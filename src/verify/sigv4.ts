import { createHash, createHmac } from 'node:crypto';

/**
 * AWS Signature Version 4, written from the AWS documentation ("Create a
 * signed AWS API request", https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html)
 * and checked against its published example (test/verify/sigv4.test.ts).
 */
export interface SigV4Request {
  method: string;
  host: string;
  /** Absolute path, not yet encoded. */
  path: string;
  /** `name=value&...`, already encoded as it will be sent (sorted here). */
  query?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface SigV4Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SigV4Scope {
  region: string;
  service: string;
}

const sha256 = (data: string): string => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();

/** RFC 3986 encoding: everything but unreserved characters (encodeURIComponent leaves !'()* alone). */
function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `20150830T123600Z`. */
export function amzDate(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export function canonicalRequest(request: SigV4Request, headers: Record<string, string>): { text: string; signedHeaders: string } {
  // Non-S3 services encode each path segment twice; a path of "/" is the same either way.
  const path =
    request.path
      .split('/')
      .map((segment) => uriEncode(uriEncode(decodeURIComponent(segment))))
      .join('/') || '/';
  const query = (request.query ?? '')
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const [name, value = ''] = pair.split('=');
      return [uriEncode(decodeURIComponent(name!)), uriEncode(decodeURIComponent(value))] as const;
    })
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const names = Object.keys(headers)
    .map((name) => name.toLowerCase())
    .sort();
  const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value.trim().replace(/\s+/g, ' ')]));
  const canonicalHeaders = names.map((name) => `${name}:${lower[name]}\n`).join('');
  const signedHeaders = names.join(';');
  const text = [request.method.toUpperCase(), path, query, canonicalHeaders, signedHeaders, sha256(request.body ?? '')].join('\n');
  return { text, signedHeaders };
}

export function signingKey(secretAccessKey: string, date: string, scope: SigV4Scope): Buffer {
  const kDate = hmac(`AWS4${secretAccessKey}`, date);
  const kRegion = hmac(kDate, scope.region);
  const kService = hmac(kRegion, scope.service);
  return hmac(kService, 'aws4_request');
}

/** The headers to send: the request's own, plus `host`, `x-amz-date`, `authorization` (and `x-amz-security-token` with a session). */
export function signV4(request: SigV4Request, credentials: SigV4Credentials, scope: SigV4Scope, now = new Date()): Record<string, string> {
  const stamp = amzDate(now);
  const date = stamp.slice(0, 8);
  const headers: Record<string, string> = { ...request.headers, host: request.host, 'x-amz-date': stamp };
  if (credentials.sessionToken) headers['x-amz-security-token'] = credentials.sessionToken;
  const { text, signedHeaders } = canonicalRequest(request, headers);
  const credentialScope = `${date}/${scope.region}/${scope.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', stamp, credentialScope, sha256(text)].join('\n');
  const signature = hmac(signingKey(credentials.secretAccessKey, date, scope), stringToSign).toString('hex');
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${credentialScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return headers;
}
