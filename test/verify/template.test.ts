import { describe, expect, it } from 'vitest';
import { renderRequest, UnsafeValueError } from '../../src/verify/template.js';

describe('filling a request template', () => {
  const values = { secret: 'a/b?c&d:e@f', partners: { account: 'AC 1' }, site: 'acme.example.com' };

  it('encodes values in the path and query so they cannot add segments or parameters', () => {
    const { origin, request } = renderRequest(
      { method: 'GET', url: 'https://api.example.com/bot{{secret}}/x?q={{secret}}&a={{partner.account}}' },
      values,
    );
    expect(origin).toBe('https://api.example.com');
    // ':' and '@' may stay in a path segment (RFC 3986 pchar); '/', '?' and '&' never.
    expect(request.path).toBe('/bota%2Fb%3Fc%26d:e@f/x?q=a%2Fb%3Fc%26d%3Ae%40f&a=AC%201');
    expect(new URL(request.path, origin).searchParams.get('q')).toBe(values.secret);
  });

  it('takes the host from {{site}} only, and puts credentials in headers, Basic and bodies as written', () => {
    const { origin, request } = renderRequest(
      {
        method: 'POST',
        url: 'https://{{site}}/oauth2/token',
        readonly: 'token',
        basic: { user: '{{partner.account}}', password: '{{secret}}' },
        form: { grant_type: 'client_credentials', token: '{{secret}}' },
      },
      values,
    );
    expect(origin).toBe('https://acme.example.com');
    expect(Buffer.from(request.headers!.authorization!.slice(6), 'base64').toString()).toBe(`AC 1:${values.secret}`);
    expect(new URLSearchParams(request.body).get('token')).toBe(values.secret);
    expect(request.headers!['content-type']).toBe('application/x-www-form-urlencoded');
    const json = renderRequest({ method: 'POST', url: 'https://x.example.com/', readonly: 'query', json: { q: ['{{secret}}'] } }, values);
    expect(JSON.parse(json.request.body!)).toEqual({ q: [values.secret] });
  });

  it('refuses values that would break a header or climb out of a path', () => {
    expect(() =>
      renderRequest({ method: 'GET', url: 'https://x.example.com/', headers: { A: '{{secret}}' } }, { ...values, secret: 'a\r\nB: c' }),
    ).toThrow(UnsafeValueError);
    expect(() => renderRequest({ method: 'GET', url: 'https://x.example.com/a/{{secret}}/b' }, { ...values, secret: '..' })).toThrow(
      UnsafeValueError,
    );
  });
});
