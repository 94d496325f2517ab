import { describe, expect, it } from 'vitest';
import { NAMED_VERIFIERS } from '../../src/core/verify-spec.js';
import { parseRuleFile } from '../../src/rules/parse.js';
import { NAMED } from '../../src/verify/registry.js';

/** A rules file with one rule whose `verify:` block is `block` (indented by the caller as YAML under `verify:`). */
function ruleFile(block: string): string {
  return [
    'provider: Acme',
    'rules:',
    '  - id: acme-token',
    '    title: Acme API token',
    '    severity: high',
    '    confidence: high',
    '    keywords: [acme_]',
    "    pattern: '(?<secret>acme_[A-Za-z0-9]{30})'",
    '    references: [https://example.org/acme/tokens]',
    '    remediation: Revoke it at https://acme.example/settings/tokens.',
    '    examples:',
    "      positive: ['t = acme_{{random:base62:30}}']",
    "      negative: ['t = acme_short']",
    '    verify:',
    ...block
      .trim()
      .split('\n')
      .map((line) => `      ${line}`),
    '',
  ].join('\n');
}

const GOOD = `
request:
  method: GET
  url: https://api.acme.example/v1/me
  headers: { Authorization: 'Bearer {{secret}}' }
live: [{ status: 200 }]
dead: [{ status: 401 }]
facts: { account: json.email }
docs: [https://docs.acme.example/api/me]
examples:
  live: { status: 200, body: { email: a@example.org } }
  dead: { status: 401 }
`;

/** Replaces lines of GOOD (by their first word) with others. */
function variant(replacements: Record<string, string>): string {
  return GOOD.trim()
    .split('\n')
    .map((line) => {
      const key = Object.keys(replacements).find((k) => line.trimStart().startsWith(k));
      return key === undefined ? line : line.replace(/\S.*$/, replacements[key]!);
    })
    .join('\n');
}

function problems(block: string): { line?: number; message: string }[] {
  return parseRuleFile(ruleFile(block), 'rules/acme.yaml', 'acme').problems.map(({ line, message }) => ({ line, message }));
}

describe('the verify: block is checked when a rule loads', () => {
  it('accepts a safe HTTP check, cites its docs among the references, and adds a partner near pattern', () => {
    const { rules, problems: found } = parseRuleFile(
      ruleFile(
        `${variant({ 'url:': 'url: https://api.acme.example/v1/accounts/{{partner.account}}' })}\npartners:\n  account: { value: 'AC[0-9]{6}', near: '(?<account>AC[0-9]{6})', lines: 3 }`,
      ),
      'rules/acme.yaml',
      'acme',
    );
    expect(found).toEqual([]);
    expect(rules[0]!.verify?.request?.url).toBe('https://api.acme.example/v1/accounts/{{partner.account}}');
    expect(rules[0]!.references).toEqual(['https://example.org/acme/tokens', 'https://docs.acme.example/api/me']);
    expect(rules[0]!.near).toEqual([{ pattern: '(?<account>AC[0-9]{6})', lines: 3, required: false }]);
  });

  const refused: [string, string, RegExp][] = [
    [
      'a host built from a partner',
      variant({ 'url:': 'url: https://{{partner.host}}/v1/me' }),
      /host .* must be literal, or exactly \{\{site\}\}/,
    ],
    ['{{site}} without a declared site', variant({ 'url:': 'url: https://{{site}}/v1/me' }), /declare "site: \{ partner, hosts \}"/],
    ['clear-text http', variant({ 'url:': 'url: http://api.acme.example/v1/me' }), /must start with https:\/\//],
    ['user info in the URL', variant({ 'url:': 'url: https://user:{{secret}}@api.acme.example/' }), /must be literal|user info/],
    ['a DELETE', variant({ 'method:': 'method: DELETE' }), /method "DELETE" is not allowed/],
    ['a PUT', variant({ 'method:': 'method: PUT' }), /method "PUT" is not allowed/],
    ['a POST without a read-only reason', variant({ 'method:': 'method: POST' }), /a POST must declare "readonly: /],
    [
      'a GraphQL mutation',
      variant({ 'method:': 'method: POST' }).replace(
        '  headers:',
        "  readonly: query\n  json: { query: 'mutation { deleteEverything }' }\n  headers:",
      ),
      /never a mutation/,
    ],
    ['an undeclared partner', variant({ 'url:': 'url: https://api.acme.example/v1/{{partner.account}}' }), /not declared in "partners"/],
    ['a request without the secret', variant({ 'headers:': "headers: { Accept: 'application/json' }" }), /never sends \{\{secret\}\}/],
    [
      'an unknown template',
      variant({ 'headers:': "headers: { Authorization: 'Bearer {{env.HOME}}' }" }),
      /unknown template \{\{env.HOME\}\}/,
    ],
    [
      '{{site}} outside the host',
      variant({ 'headers:': "headers: { Authorization: 'Bearer {{secret}}', X-Site: '{{site}}' }" }),
      /only be the URL's host/,
    ],
    ['no docs', GOOD.replace(/docs:.*\n/, ''), /"docs" must list/],
    ['no example answers', GOOD.replace(/examples:[\s\S]*$/, ''), /"examples" must give a "live" and a "dead" answer/],
    ['a redirect as proof of life', variant({ 'live:': 'live: [{ status: 302 }]' }), /a redirect is never followed/],
    [
      'an unknown named verifier',
      'use: nosuch\ndocs: [https://docs.acme.example/]\nexamples: { live: { status: 200 }, dead: { status: 401 } }',
      /is not a named verifier/,
    ],
    [
      'a reason naming no fact',
      variant({ 'live:': "live: [{ status: 200, reason: 'ok for {{owner}}' }]" }),
      /names \{\{owner\}\}, which is not a fact/,
    ],
    [
      'a site pattern as wide as a top-level domain',
      `${variant({ 'url:': 'url: https://{{site}}/v1/me' })}\nsite: { partner: site, hosts: ['*.com'] }`,
      /"site.hosts" must list host patterns/,
    ],
    ['an unknown field', `${GOOD}\nfollowRedirects: true`, /unknown field "followRedirects"/],
  ];
  for (const [what, block, message] of refused) {
    it(`refuses ${what}, naming the file, the line of the block and the problem`, () => {
      const found = problems(block);
      expect(found.map((p) => p.message).join('\n')).toMatch(message);
      // The problem points at the `verify:` key (line 14 of the file), not just the rule.
      expect(found.every((p) => p.line === 14)).toBe(true);
      expect(found.every((p) => p.message.startsWith('verify: '))).toBe(true);
    });
  }

  it('lists the same named verifiers the loader accepts and the runner has', () => {
    expect([...NAMED.keys()].sort()).toEqual(Object.keys(NAMED_VERIFIERS).sort());
  });
});
