import { createHmac } from 'node:crypto';

/** RFC 3986 encoding, as Alibaba Cloud's RPC signature wants it (a space is %20, `~` stays). */
function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Alibaba Cloud's RPC signature, version 1.0 (HMAC-SHA1), written from the
 * vendor's "Signature mechanism" page (https://www.alibabacloud.com/help/doc-detail/196741.htm)
 * and checked against its worked example (test/verify/alibaba-sign.test.ts):
 * the sorted, encoded query is signed as `METHOD&%2F&<encoded query>` with
 * the key `<AccessKey secret>&`. Returns the query string to send, signature included.
 */
export function signRpcQuery(method: 'GET' | 'POST', params: Readonly<Record<string, string>>, secret: string): string {
  const canonical = Object.keys(params)
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name]!)}`)
    .join('&');
  const stringToSign = `${method}&${percentEncode('/')}&${percentEncode(canonical)}`;
  const signature = createHmac('sha1', `${secret}&`).update(stringToSign, 'utf8').digest('base64');
  return `${canonical}&Signature=${percentEncode(signature)}`;
}
