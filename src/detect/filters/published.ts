import type { Filter } from './types.js';

/**
 * Values that specifications print as example credentials. Libraries that
 * implement those specifications copy them into docstrings, tests and README
 * files by the thousand, where they look like keys to every rule that reads
 * `token = ...`; they open nothing. Matched whole and case-sensitively: a
 * key that merely contains one of them is still a key.
 */
const PUBLISHED: ReadonlyMap<string, string> = new Map([
  // RFC 6749, OAuth 2.0.
  ['2YotnFZFEjr1zCsicMWpAA', 'RFC 6749 example access token'],
  ['tGzv3JOkF0XG5Qx2TlKWIA', 'RFC 6749 example refresh token'],
  ['SplxlOBeZQQYbYS6WxSbIA', 'RFC 6749 example authorization code'],
  ['7Fjfp0ZBr1KtDRbnfVdmIw', 'RFC 6749 example client secret'],
  ['gX1fBat3bV', 'RFC 6749 example client password'],
  ['czZCaGRSa3F0MzpnWDFmQmF0M2JW', 'RFC 6749 example client credentials (s6BhdRkqt3:gX1fBat3bV)'],
  // RFC 6750, OAuth 2.0 bearer tokens.
  ['mF_9.B5f-4.1JqM', 'RFC 6750 example bearer token'],
  // RFC 5849 (and OAuth Core 1.0 before it), OAuth 1.0.
  ['dpf43f3p2l4k3l03', 'RFC 5849 example client identifier'],
  ['kd94hf93k423kf44', 'RFC 5849 example client secret'],
  ['hh5s93j4hdidpola', 'RFC 5849 example temporary credentials'],
  ['hdhd0244k9j7ao03', 'RFC 5849 example temporary credentials secret'],
  ['hfdp7dh39dks9884', 'RFC 5849 example verifier'],
  ['nnch734d00sl2jdk', 'RFC 5849 example token'],
  ['pfkkdhi9sl3r4s00', 'RFC 5849 example token secret'],
  ['9djdj82h48djs9d2', 'RFC 5849 example client identifier'],
  ['j49sk3j29djd', 'RFC 5849 example client secret'],
  ['kkk9d7dh3k39sjv7', 'RFC 5849 example token'],
  ['dh893hdasih9', 'RFC 5849 example token secret'],
  ['j49sk3j29djd&dh893hdasih9', 'RFC 5849 example signing key'],
  ['0685bd9184jfhq22', 'RFC 5849 example client identifier'],
  ['ad180jjd733klru7', 'RFC 5849 example token'],
]);

/** The specification that publishes `secret` as an example, if one does. */
export function publishedExample(secret: string): string | undefined {
  return PUBLISHED.get(secret);
}

export const publishedFilter: Filter = (candidate) => {
  const source = publishedExample(candidate.secret);
  return source ? { filter: 'published', reason: `the ${source}, printed in the specification` } : undefined;
};
