import { describe, expect, it } from 'vitest';
import { hostMatches } from '../../src/verify/hosts.js';
import { verifyFindings } from '../../src/verify/runner.js';
import { verifyingProviders } from '../../src/verify/rules.js';
import { exampleAnswer, ProviderServer, secretPlaces, type Answer } from '../helpers/providers.js';
import { exampleScans, promisedHosts, promisedPlaces, promisedRequest, RULES, VERIFYING } from './examples.js';

/**
 * Tests generated from the rules' own data: every rule that verifies is run
 * against a stand-in on 127.0.0.1 that answers with the rule's example live
 * and dead answers (shaped as the vendor documents them). The check must
 * classify both, send the method and path the rule names, put the secret only
 * where the rule says, and mean to contact only the rule's own hosts.
 */
describe('every verifying rule, against a stand-in serving its example answers', () => {
  it('there are at least 150 verifying rules', () => {
    expect(VERIFYING.length).toBeGreaterThanOrEqual(150);
  });

  for (const rule of VERIFYING) {
    it(`${rule.id}: live and dead example answers classify; the secret goes only where the rule says`, async () => {
      let answer: Answer = { status: 500 };
      const server = await ProviderServer.start(() => answer);
      // Every provider goes to the stand-in: a test never reaches a real host.
      const endpoints = new Map(verifyingProviders(RULES).map((provider) => [provider, server.url]));
      const scans = await exampleScans(rule);
      expect(scans.length, 'no example text produces a finding of this rule').toBeGreaterThan(0);

      let checked = false;
      const reasons: string[] = [];
      for (const { target, others } of scans) {
        const verdicts: Record<string, string> = {};
        for (const kind of ['live', 'dead'] as const) {
          answer = exampleAnswer(rule.verify.examples[kind]);
          const before = server.requests.length;
          const intended: URL[] = [];
          const { results } = await verifyFindings([target, ...others], {
            rules: RULES,
            endpoints,
            retries: 0,
            onRequest: (url) => intended.push(url),
          });
          const verdict = results[0]!;
          verdicts[kind] = verdict.status;
          reasons.push(verdict.reason);
          const seen = server.requests.slice(before);
          if (seen.length === 0) break; // this example lacks a partner; try the next one
          expect(verdict.status, `${kind}: ${verdict.reason}`).toBe(kind);
          expect(JSON.stringify(verdict)).not.toContain(target.secret);
          const promised = promisedRequest(rule);
          for (const request of seen) {
            expect(request.method).toBe(promised.method);
            expect(request.path).toMatch(promised.path);
            expect(secretPlaces(request, target.secret), `where the secret went in ${request.method} ${request.path}`).toEqual(
              promisedPlaces(rule),
            );
          }
          for (const url of intended) {
            expect(url.protocol).toBe('https:');
            expect(
              promisedHosts(rule).some((pattern) => hostMatches(url.host, pattern)),
              `${url.host} is not one of ${promisedHosts(rule).join(', ')}`,
            ).toBe(true);
          }
          if (kind === 'dead') checked = true;
        }
        if (checked) {
          expect(verdicts).toEqual({ live: 'live', dead: 'dead' });
          break;
        }
      }
      expect(checked, `no example made a request: ${reasons.join(' | ')}`).toBe(true);
    });
  }
});
