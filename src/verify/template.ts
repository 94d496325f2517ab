import type { VerifyRequest } from '../core/verify-spec.js';
import { TEMPLATE } from '../rules/verify-template.js';
import type { HttpRequest } from './http.js';

/** The values a request's templates are filled with: the secret, the partners found near it, the checked site. */
export interface TemplateValues {
  secret: string;
  partners: Readonly<Record<string, string>>;
  site?: string;
}

/** A request ready to send: the origin (scheme and host) and what goes to it. */
export interface RenderedRequest {
  origin: string;
  request: HttpRequest;
}

/** Thrown when a value cannot be placed safely (a line break in a header, a dot segment in a path). */
export class UnsafeValueError extends Error {}

function fill(text: string, values: TemplateValues, encode: (value: string) => string): string {
  return text.replace(TEMPLATE, (_whole, name: string) => {
    const value = name === 'secret' ? values.secret : name === 'site' ? values.site : values.partners[name.slice('partner.'.length)];
    // The loader checked every name; a missing value here is a bug, never an empty string sent off.
    if (value === undefined) throw new UnsafeValueError(`no value for {{${name}}}`);
    return encode(value);
  });
}

/** A value inside a query: percent-encoded whole. */
function queryValue(value: string): string {
  return encodeURIComponent(value);
}

/**
 * A value inside a path: percent-encoded except `:` and `@`, which RFC 3986
 * allows in a segment (a Telegram bot token is `123:AA...` in `/bot<token>/`)
 * and which cannot start a new segment or a query; never a `.` or `..`
 * segment, which URL parsers resolve.
 */
function pathValue(value: string): string {
  if (/^\.{1,2}$/.test(value)) throw new UnsafeValueError('a dot segment cannot be placed in a URL path');
  return encodeURIComponent(value).replace(/%3A/g, ':').replace(/%40/g, '@');
}

/** A header value may not break the header. */
function headerValue(value: string): string {
  if (/[\r\n\0]/.test(value)) throw new UnsafeValueError('a line break cannot be placed in a header');
  return value;
}

function fillJson(value: unknown, values: TemplateValues): unknown {
  if (typeof value === 'string') return fill(value, values, (v) => v);
  if (Array.isArray(value)) return value.map((item) => fillJson(item, values));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillJson(v, values)]));
  return value;
}

/**
 * Fills a rule's request template. The host is the rule's own, or the checked
 * site: the loader refused any other template in the host (rules/verify-block.ts),
 * and values in the path are encoded so they cannot add segments or a query.
 */
export function renderRequest(spec: VerifyRequest, values: TemplateValues): RenderedRequest {
  const rest = spec.url.slice('https://'.length);
  const authority = rest.split(/[/?]/, 1)[0]!;
  const host = authority === '{{site}}' ? values.site : authority;
  if (!host) throw new UnsafeValueError('no site for {{site}}');
  const tail = rest.slice(authority.length);
  const queryAt = tail.indexOf('?');
  const path = queryAt < 0 ? tail : tail.slice(0, queryAt);
  const query = queryAt < 0 ? '' : tail.slice(queryAt);
  const pathAndQuery = (fill(path, values, pathValue) || '/') + fill(query, values, queryValue);
  const headers: Record<string, string> = {};
  for (const [name, text] of Object.entries(spec.headers ?? {})) headers[name.toLowerCase()] = fill(text, values, headerValue);
  if (spec.basic) {
    const user = fill(spec.basic.user, values, headerValue);
    const password = fill(spec.basic.password, values, headerValue);
    headers.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  }
  const request: HttpRequest = { method: spec.method, path: pathAndQuery, headers };
  if (spec.form) {
    const form = new URLSearchParams();
    for (const [name, text] of Object.entries(spec.form))
      form.append(
        name,
        fill(text, values, (v) => v),
      );
    request.body = form.toString();
    headers['content-type'] ??= 'application/x-www-form-urlencoded';
  } else if (spec.json !== undefined) {
    request.body = JSON.stringify(fillJson(spec.json, values));
    headers['content-type'] ??= 'application/json';
  } else if (spec.method === 'POST') request.body = '';
  return { origin: `https://${host}`, request };
}
