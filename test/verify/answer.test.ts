import { describe, expect, it } from 'vitest';
import { redact } from '../../src/core/redact.js';
import type { VerifySpec } from '../../src/core/verify-spec.js';
import { classify, renderReason, resolvePath } from '../../src/verify/answer.js';
import type { HttpAnswer } from '../../src/verify/http.js';

const answer = (status: number, body: unknown, headers: Record<string, string> = {}): HttpAnswer => ({
  kind: 'response',
  status,
  headers: new Headers(headers),
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

const spec: VerifySpec = {
  live: [
    { status: [200], json: { ok: true }, reason: 'Acme accepted it[ for {{team}}]' },
    { status: [403], headers: { 'x-kind': '^restricted$' } },
  ],
  dead: [{ status: [200], json: { ok: false, error: ['invalid_auth', 'revoked'] } }, { status: [401] }],
  facts: { team: 'json.team', scopes: 'header.x-scopes', count: 'json.items.length', names: 'json.items.*.name' },
  docs: ['https://docs.acme.example/'],
  examples: { live: { status: 200 }, dead: { status: 401 } },
};
const context = { provider: 'Acme', mask: ['SECRET-123'], host: 'api.acme.example' };

describe('classifying an answer', () => {
  it('is live when a live matcher holds, with facts (never the secret)', () => {
    const verdict = classify(
      answer(200, { ok: true, team: 'Blue SECRET-123', items: [{ name: 'a' }, { name: 'b' }] }, { 'x-scopes': 'read, write' }),
      spec,
      context,
    );
    expect(verdict.status).toBe('live');
    expect(verdict.reason).toBe(`Acme accepted it for Blue ${redact('SECRET-123')}`);
    expect(verdict.facts).toEqual({ team: `Blue ${redact('SECRET-123')}`, scopes: 'read, write', count: '2', names: 'a, b' });
    expect(JSON.stringify(verdict)).not.toContain('SECRET-123');
  });

  it('drops an optional reason part whose fact is missing, and matches headers by regex', () => {
    expect(classify(answer(200, { ok: true }), spec, context).reason).toBe('Acme accepted it');
    expect(classify(answer(403, {}, { 'x-kind': 'Restricted' }), spec, context)).toMatchObject({
      status: 'live',
      reason: 'Acme accepted the credential (HTTP 403)',
    });
    expect(renderReason('a [b {{x}}] c {{y}}', { y: '1' })).toBe('a  c 1');
  });

  it('is dead only when a dead matcher holds; anything else is unknown', () => {
    expect(classify(answer(200, { ok: false, error: 'revoked' }), spec, context).status).toBe('dead');
    expect(classify(answer(401, ''), spec, context)).toEqual({ status: 'dead', reason: 'Acme rejected the credential (HTTP 401)' });
    expect(classify(answer(200, { ok: false, error: 'ratelimited' }), spec, context).status).toBe('unknown');
    expect(classify(answer(403, {}), spec, context).status).toBe('unknown');
    expect(classify(answer(503, {}), spec, context)).toEqual({ status: 'unknown', reason: 'the provider failed (HTTP 503)' });
    expect(classify(answer(302, ''), spec, context).reason).toMatch(/redirected .* not followed/);
    expect(classify({ kind: 'failed', reason: 'could not reach x (ECONNREFUSED)' }, spec, context).status).toBe('unknown');
    expect(classify(answer(200, 'not json'), spec, context).status).toBe('unknown');
  });

  it('follows paths through objects and arrays', () => {
    const value = { a: [{ b: 1 }, { b: 2 }], c: { d: null } };
    expect(resolvePath(value, ['a', '1', 'b'])).toBe(2);
    expect(resolvePath(value, ['a', '*', 'b'])).toEqual([1, 2]);
    expect(resolvePath(value, ['a', 'length'])).toBe(2);
    expect(resolvePath(value, ['c', 'd'])).toBeNull();
    expect(resolvePath(value, ['x', 'y'])).toBeUndefined();
    expect(resolvePath(value, ['constructor'])).toBeUndefined();
  });
});
