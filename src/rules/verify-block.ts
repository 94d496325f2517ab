import {
  NAMED_VERIFIERS,
  READ_ONLY_POSTS,
  type ExampleAnswer,
  type JsonCondition,
  type PartnerSpec,
  type SiteSpec,
  type VerifyMatcher,
  type VerifyRequest,
  type VerifySpec,
} from '../core/verify-spec.js';
import { stringsIn, templateVariables } from './verify-template.js';

const FIELDS = new Set(['use', 'request', 'partners', 'site', 'live', 'dead', 'facts', 'revoke', 'docs', 'limit', 'examples']);
const REQUEST_FIELDS = new Set(['method', 'url', 'readonly', 'headers', 'basic', 'form', 'json']);
const MATCHER_FIELDS = new Set(['status', 'json', 'body', 'headers', 'reason']);
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/** `api.example.com`, or `*.example.com` (sub-domains of a name with at least two labels). */
const HOST_PATTERN = new RegExp(`^(?:\\*\\.)?${LABEL}(?:\\.${LABEL}){1,10}$`);
const FACT_SOURCE = /^(?:status|header\.[a-z0-9-]{1,64}|json(?:\.(?:[A-Za-z0-9_$@:-]{1,64}|\*)){1,8})$/;
const HEADER_NAME = /^[A-Za-z0-9-]{1,64}$/;
const PARTNER_NAME = /^[A-Za-z0-9_-]{1,64}$/;

type Bad = (message: string) => void;

const isMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const httpsUrl = (value: unknown): value is string => typeof value === 'string' && /^https:\/\/[^\s/]{3,}/.test(value);

/**
 * Checks a rule's `verify:` block, safety rules included (docs/verification.md):
 * the host is literal in the rule or comes from a declared partner that must
 * match the rule's host patterns; only GET, HEAD or a POST with a documented
 * read-only kind; every template names something declared; the vendor's
 * documentation is cited; example answers for live and dead are given.
 * Every problem goes to `bad`; returns the normalized block when usable.
 */
export function parseVerifyBlock(value: unknown, bad: Bad): VerifySpec | undefined {
  const count = { problems: 0 };
  const fail: Bad = (message) => {
    count.problems++;
    bad(`verify: ${message}`);
  };
  if (!isMap(value)) {
    fail('must be a mapping with a "request" (or "use"), matchers, "docs" and "examples"');
    return undefined;
  }
  for (const key of Object.keys(value)) if (!FIELDS.has(key)) fail(`unknown field "${key}" (known: ${[...FIELDS].join(', ')})`);

  const partners = parsePartners(value.partners, fail);
  const site = parseSite(value.site, fail);
  const spec: VerifySpec = { docs: [], examples: { live: { status: 0 }, dead: { status: 0 } } };
  if (partners) spec.partners = partners;
  if (site) spec.site = site;

  if ((value.use === undefined) === (value.request === undefined)) fail('needs exactly one of "request" (an HTTP check) or "use" (a named verifier)');
  if (value.use !== undefined) {
    const named = typeof value.use === 'string' ? NAMED_VERIFIERS[value.use] : undefined;
    if (!named) fail(`"use: ${JSON.stringify(value.use)}" is not a named verifier (known: ${Object.keys(NAMED_VERIFIERS).join(', ')})`);
    else {
      spec.use = value.use as string;
      if (named.needsSite && !site) fail(`"use: ${spec.use}" takes its host from a partner: declare "site: { partner, hosts }"`);
      if (!named.needsSite && site) fail(`"use: ${spec.use}" contacts a fixed host; "site" does not apply`);
    }
    for (const key of ['live', 'dead', 'facts'] as const)
      if (value[key] !== undefined) fail(`"${key}" belongs to an HTTP check; a named verifier classifies its own answers`);
  }
  if (value.request !== undefined) {
    const request = parseRequest(value.request, fail, partners ?? {}, site);
    if (request) spec.request = request;
    const live = parseMatchers(value.live, 'live', fail);
    const dead = parseMatchers(value.dead, 'dead', fail);
    if (live) spec.live = live;
    if (dead) spec.dead = dead;
    const facts = parseFacts(value.facts, fail);
    if (facts) spec.facts = facts;
    // A reason may name the status, the host and the facts; anything else would print as "?".
    const known = new Set(['status', 'host', ...Object.keys(facts ?? {})]);
    for (const matcher of [...(live ?? []), ...(dead ?? [])]) {
      for (const m of (matcher.reason ?? '').matchAll(/\{\{([^{}]{0,40})\}\}/g))
        if (!known.has(m[1]!)) fail(`reason "${matcher.reason!}" names {{${m[1]!}}}, which is not a fact (known: ${[...known].join(', ')})`);
    }
  }

  if (value.revoke !== undefined) {
    if (!httpsUrl(value.revoke)) fail('"revoke" must be an https URL (the page where the owner revokes the credential)');
    else spec.revoke = value.revoke;
  }
  if (!Array.isArray(value.docs) || value.docs.length === 0 || value.docs.some((d) => !httpsUrl(d)))
    fail('"docs" must list the https URL(s) of the vendor\'s documentation of the endpoint');
  else spec.docs = value.docs as string[];
  const limit = parseLimit(value.limit, fail);
  if (limit) spec.limit = limit;
  const examples = parseExamples(value.examples, fail);
  if (examples) spec.examples = examples;
  return count.problems === 0 ? spec : undefined;
}

function parsePartners(value: unknown, fail: Bad): Record<string, PartnerSpec> | undefined {
  if (value === undefined) return undefined;
  if (!isMap(value)) {
    fail('"partners" must map each partner name to the regex its value must match (or { value, near, lines })');
    return undefined;
  }
  const out: Record<string, PartnerSpec> = {};
  for (const [name, entry] of Object.entries(value)) {
    if (!PARTNER_NAME.test(name)) fail(`partner name "${name}" must be a rule id or a named group (letters, digits, _ and -)`);
    const spec: Partial<PartnerSpec> = typeof entry === 'string' ? { value: entry } : isMap(entry) ? entry : {};
    if (isMap(entry))
      for (const key of Object.keys(entry))
        if (!['value', 'near', 'flags', 'lines'].includes(key)) fail(`unknown field "${key}" in partner "${name}" (known: value, near, flags, lines)`);
    if (typeof spec.value !== 'string' || spec.value === '') {
      fail(`partner "${name}" needs a regex its value must match`);
      continue;
    }
    const compiles = (source: string, flags: string, what: string): boolean => {
      try {
        new RegExp(source, flags);
        return true;
      } catch (error) {
        fail(`partner "${name}": ${what} does not compile: ${(error as Error).message}`);
        return false;
      }
    };
    if (!compiles(spec.value, '', 'value regex')) continue;
    const partner: PartnerSpec = { value: spec.value };
    if (spec.near !== undefined) {
      const flags = spec.flags ?? '';
      if (typeof spec.near !== 'string' || typeof flags !== 'string' || !/^[imsu]*$/.test(flags)) fail(`partner "${name}": "near" must be a regex (flags i, m, s, u)`);
      else if (compiles(spec.near, flags, 'near pattern')) {
        if (!spec.near.includes(`(?<${name}>`)) fail(`partner "${name}": the near pattern must capture the value in a group named ${name}`);
        partner.near = spec.near;
        if (flags) partner.flags = flags;
      }
      if (spec.lines !== undefined) {
        if (!Number.isInteger(spec.lines) || spec.lines < 0 || spec.lines > 200) fail(`partner "${name}": "lines" must be a whole number from 0 to 200`);
        else partner.lines = spec.lines;
      }
    } else if (spec.flags !== undefined || spec.lines !== undefined) fail(`partner "${name}": "flags" and "lines" go with "near"`);
    out[name] = partner;
  }
  return out;
}

function parseSite(value: unknown, fail: Bad): SiteSpec | undefined {
  if (value === undefined) return undefined;
  if (!isMap(value) || typeof value.partner !== 'string' || !PARTNER_NAME.test(value.partner)) {
    fail('"site" must be { partner: NAME, hosts: [host patterns] }');
    return undefined;
  }
  for (const key of Object.keys(value))
    if (!['partner', 'hosts', 'suffix'].includes(key)) fail(`unknown field "${key}" in site (known: partner, hosts, suffix)`);
  const hosts = value.hosts;
  if (!Array.isArray(hosts) || hosts.length === 0 || hosts.some((h) => typeof h !== 'string' || !HOST_PATTERN.test(h))) {
    fail('"site.hosts" must list host patterns the value must match (support.example.com, or *.example.com for its sub-domains)');
    return undefined;
  }
  const site: SiteSpec = { partner: value.partner, hosts: hosts as string[] };
  if (value.suffix !== undefined) {
    if (typeof value.suffix !== 'string' || !/^\.[a-z0-9.-]{3,100}$/.test(value.suffix)) fail('"site.suffix" must be a domain starting with a dot');
    else site.suffix = value.suffix;
  }
  return site;
}

function parseRequest(value: unknown, fail: Bad, partners: Record<string, PartnerSpec>, site: SiteSpec | undefined): VerifyRequest | undefined {
  if (!isMap(value)) {
    fail('"request" must be a mapping with "method" and "url"');
    return undefined;
  }
  for (const key of Object.keys(value))
    if (!REQUEST_FIELDS.has(key)) fail(`unknown field "${key}" in request (known: ${[...REQUEST_FIELDS].join(', ')})`);
  const method = value.method;
  if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') {
    fail(`request method "${String(method)}" is not allowed: only GET, HEAD, or a POST that declares why it is read-only`);
    return undefined;
  }
  const request: VerifyRequest = { method, url: '' };
  if (method === 'POST') {
    if (!READ_ONLY_POSTS.includes(value.readonly as never))
      fail(`a POST must declare "readonly: ${READ_ONLY_POSTS.join(' | ')}" (and the docs must show the call changes nothing)`);
    else request.readonly = value.readonly as VerifyRequest['readonly'];
  } else if (value.readonly !== undefined) fail('"readonly" applies to POST only');

  const url = value.url;
  const urlProblem = typeof url === 'string' ? checkUrl(url, site) : '"url" must be a string';
  if (urlProblem) fail(urlProblem);
  else request.url = url as string;

  const texts: { where: string; text: string }[] = [{ where: 'url', text: typeof url === 'string' ? url : '' }];
  if (value.headers !== undefined) {
    if (!isMap(value.headers) || Object.entries(value.headers).some(([k, v]) => !HEADER_NAME.test(k) || typeof v !== 'string'))
      fail('"headers" must map header names to strings');
    else {
      request.headers = value.headers as Record<string, string>;
      for (const [name, text] of Object.entries(request.headers)) {
        if (name.toLowerCase() === 'host') fail('the "host" header may not be set: the URL names the host');
        texts.push({ where: `header ${name}`, text });
      }
    }
  }
  if (value.basic !== undefined) {
    const basic = value.basic;
    if (!isMap(basic) || typeof basic.user !== 'string' || typeof basic.password !== 'string') fail('"basic" must be { user, password }');
    else {
      request.basic = { user: basic.user, password: basic.password };
      texts.push({ where: 'basic', text: `${basic.user}:${basic.password}` });
    }
  }
  if (value.form !== undefined && value.json !== undefined) fail('a request has one body: "form" or "json"');
  if ((value.form !== undefined || value.json !== undefined) && method !== 'POST') fail('only a POST has a body');
  if (value.form !== undefined) {
    if (!isMap(value.form) || Object.values(value.form).some((v) => typeof v !== 'string')) fail('"form" must map field names to strings');
    else {
      request.form = value.form as Record<string, string>;
      texts.push({ where: 'form', text: Object.values(request.form).join('\n') });
    }
  }
  if (value.json !== undefined) {
    request.json = value.json;
    texts.push({ where: 'json', text: stringsIn(value.json).join('\n') });
    if (request.readonly === 'query') {
      const query = isMap(value.json) ? value.json.query : undefined;
      if (typeof query !== 'string' || /^\s*mutation\b/i.test(query) || !/^\s*(?:query\b|\{)/i.test(query))
        fail('a "readonly: query" POST sends a GraphQL query (json.query starting with "query" or "{"), never a mutation');
    }
  } else if (request.readonly === 'query') fail('a "readonly: query" POST needs a json body with the GraphQL query');

  let usesSecret = false;
  for (const { where, text } of texts) {
    const { names, unknown } = templateVariables(text);
    for (const template of unknown) fail(`${where}: unknown template ${template} (use {{secret}}, {{partner.NAME}} or, as the host, {{site}})`);
    for (const name of names) {
      if (name === 'secret') usesSecret = true;
      else if (name === 'site' && where !== 'url') fail(`${where}: {{site}} may only be the URL's host`);
      else if (name.startsWith('partner.') && !(name.slice(8) in partners))
        fail(`${where}: {{${name}}} is not declared in "partners" (name it with the regex its value must match)`);
    }
  }
  if (!usesSecret) fail('the request never sends {{secret}}: there is nothing to verify');
  return request;
}

/** Why a URL template is unsafe, or undefined. */
function checkUrl(url: string, site: SiteSpec | undefined): string | undefined {
  if (!url.startsWith('https://')) return `url "${url}" must start with https:// (credentials never travel in clear text)`;
  const rest = url.slice('https://'.length);
  const authority = rest.split(/[/?#]/, 1)[0]!;
  const tail = rest.slice(authority.length);
  if (authority === '{{site}}') {
    if (!site) return 'url uses {{site}} as its host: declare "site: { partner, hosts }" so only those hosts are contacted';
  } else {
    if (authority.includes('{{')) return `url host "${authority}" must be literal, or exactly {{site}}: a host may not be built from values found in content`;
    if (authority.includes('@')) return 'url may not carry user info; use "basic"';
    if (site) return '"site" is declared but the url does not use {{site}} as its host';
    let parsed: URL;
    try {
      parsed = new URL(`https://${authority}/`);
    } catch {
      return `url host "${authority}" is not a host name`;
    }
    if (!HOST_PATTERN.test(parsed.hostname) || parsed.hostname.startsWith('*')) return `url host "${authority}" is not a public host name`;
  }
  if (tail.includes('{{site}}')) return '{{site}} may only be the URL\'s host';
  if (tail.includes('#')) return 'url may not have a fragment';
  if (tail !== '' && !tail.startsWith('/') && !tail.startsWith('?')) return `url "${url}" is malformed`;
  return undefined;
}

function parseMatchers(value: unknown, kind: 'live' | 'dead', fail: Bad): VerifyMatcher[] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    fail(`"${kind}" must list at least one matcher ({ status, json, body, headers, reason })`);
    return undefined;
  }
  const out: VerifyMatcher[] = [];
  for (const entry of value) {
    if (!isMap(entry)) {
      fail(`each "${kind}" matcher must be a mapping`);
      continue;
    }
    for (const key of Object.keys(entry))
      if (!MATCHER_FIELDS.has(key)) fail(`unknown field "${key}" in a ${kind} matcher (known: ${[...MATCHER_FIELDS].join(', ')})`);
    const matcher: VerifyMatcher = {};
    if (entry.status !== undefined) {
      const statuses = Array.isArray(entry.status) ? entry.status : [entry.status];
      if (statuses.length === 0 || statuses.some((s) => !Number.isInteger(s) || (s as number) < 100 || (s as number) > 599))
        fail(`${kind} matcher: "status" must be an HTTP status or a list of them`);
      else matcher.status = statuses as number[];
      if (kind === 'live' && matcher.status?.some((s) => s >= 300 && s < 400))
        fail('live matcher: a redirect is never followed, so it cannot prove a credential works');
    }
    if (entry.json !== undefined) {
      if (!isMap(entry.json) || Object.entries(entry.json).some(([path, condition]) => !validJsonPath(path) || !validCondition(condition)))
        fail(`${kind} matcher: "json" must map field paths (a.b.0.c) to a value, a list of values, or { exists: true|false }`);
      else matcher.json = entry.json as Record<string, JsonCondition>;
    }
    if (entry.body !== undefined) {
      const body = Array.isArray(entry.body) ? entry.body : [entry.body];
      if (body.length === 0 || body.some((b) => typeof b !== 'string' || b === '')) fail(`${kind} matcher: "body" must be text (or a list) the body contains`);
      else matcher.body = body as string[];
    }
    if (entry.headers !== undefined) {
      if (!isMap(entry.headers) || Object.entries(entry.headers).some(([k, v]) => !/^[a-z0-9-]{1,64}$/.test(k) || typeof v !== 'string'))
        fail(`${kind} matcher: "headers" must map lower-case header names to regexes`);
      else {
        for (const regex of Object.values(entry.headers as Record<string, string>)) {
          try {
            new RegExp(regex, 'i');
          } catch (error) {
            fail(`${kind} matcher: header regex does not compile: ${(error as Error).message}`);
          }
        }
        matcher.headers = entry.headers as Record<string, string>;
      }
    }
    if (entry.reason !== undefined) {
      if (typeof entry.reason !== 'string' || entry.reason.trim() === '') fail(`${kind} matcher: "reason" must be text`);
      else matcher.reason = entry.reason;
    }
    if (!matcher.status && !matcher.json && !matcher.body && !matcher.headers) fail(`a ${kind} matcher needs at least one condition`);
    out.push(matcher);
  }
  return out;
}

const validJsonPath = (path: string): boolean => FACT_SOURCE.test(`json.${path}`) && !path.includes('*');
function validCondition(condition: unknown): boolean {
  const scalar = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);
  if (scalar(condition)) return true;
  if (Array.isArray(condition)) return condition.length > 0 && condition.every(scalar);
  return isMap(condition) && Object.keys(condition).length === 1 && typeof condition.exists === 'boolean';
}

function parseFacts(value: unknown, fail: Bad): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (!isMap(value) || Object.entries(value).some(([name, source]) => !/^[a-z][a-z0-9_-]{0,31}$/.test(name) || typeof source !== 'string' || !FACT_SOURCE.test(source))) {
    fail('"facts" must map lower-case names (account, scopes, expiry, organisation) to json.PATH, header.NAME or status');
    return undefined;
  }
  return value as Record<string, string>;
}

function parseLimit(value: unknown, fail: Bad): VerifySpec['limit'] {
  if (value === undefined) return undefined;
  if (!isMap(value)) {
    fail('"limit" must be { concurrency, perSecond }');
    return undefined;
  }
  const limit: NonNullable<VerifySpec['limit']> = {};
  for (const key of Object.keys(value)) if (key !== 'concurrency' && key !== 'perSecond') fail(`unknown field "${key}" in limit`);
  if (value.concurrency !== undefined) {
    if (!Number.isInteger(value.concurrency) || (value.concurrency as number) < 1 || (value.concurrency as number) > 16)
      fail('"limit.concurrency" must be a whole number from 1 to 16');
    else limit.concurrency = value.concurrency as number;
  }
  if (value.perSecond !== undefined) {
    if (typeof value.perSecond !== 'number' || value.perSecond < 0.1 || value.perSecond > 100) fail('"limit.perSecond" must be a number from 0.1 to 100');
    else limit.perSecond = value.perSecond;
  }
  return limit;
}

function parseExamples(value: unknown, fail: Bad): VerifySpec['examples'] | undefined {
  if (!isMap(value)) {
    fail('"examples" must give a "live" and a "dead" answer ({ status, headers, body }) as the vendor documents them');
    return undefined;
  }
  for (const key of Object.keys(value)) if (!['live', 'dead', 'text'].includes(key)) fail(`unknown field "${key}" in examples (known: live, dead, text)`);
  const answer = (kind: 'live' | 'dead'): ExampleAnswer | undefined => {
    const a = value[kind];
    if (!isMap(a) || !Number.isInteger(a.status) || (a.status as number) < 100 || (a.status as number) > 599) {
      fail(`examples.${kind} must be an answer { status, headers, body }`);
      return undefined;
    }
    if (a.headers !== undefined && (!isMap(a.headers) || Object.values(a.headers).some((v) => typeof v !== 'string')))
      fail(`examples.${kind}.headers must map names to strings`);
    for (const key of Object.keys(a)) if (!['status', 'headers', 'body'].includes(key)) fail(`unknown field "${key}" in examples.${kind}`);
    return a as unknown as ExampleAnswer;
  };
  const live = answer('live');
  const dead = answer('dead');
  if (value.text !== undefined && typeof value.text !== 'string') fail('examples.text must be text');
  if (!live || !dead) return undefined;
  return value.text === undefined ? { live, dead } : { live, dead, text: value.text as string };
}
