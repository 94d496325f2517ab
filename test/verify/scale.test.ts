import { describe, expect, it } from 'vitest';
import { expandTemplates, seededRandom } from '../../src/rules/templates.js';
import { exampleAnswer, ProviderServer, runCliAsync } from '../helpers/providers.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { fullEngine, VERIFYING, type VerifyingRule } from './examples.js';

const PROVIDERS = 100;
const SECRETS_EACH = 10;
/** The run's default limit on requests in flight (src/verify/runner.ts). */
const LIMIT = 8;

/**
 * 1,000 candidate secrets of 100 providers, each provider's requests sent to
 * its own stand-in on 127.0.0.1 that takes 25 ms an answer: the run verifies
 * every secret once and never has more than the limit in flight at once.
 * Prints the wall time (a benchmark number, not an assertion).
 */
describe('verification at scale (real CLI)', () => {
  it('1,000 secrets across 100 providers: each verified once, never more than the limit in flight', async () => {
    // One plain rule a provider (no partner, no site): its first positive example, expanded ten ways.
    const chosen = new Map<string, VerifyingRule>();
    for (const rule of VERIFYING)
      if (rule.verify.request && !rule.verify.partners && !rule.verify.site && !chosen.has(rule.providerKey))
        chosen.set(rule.providerKey, rule);
    const rules = [...chosen.values()].slice(0, PROVIDERS);
    expect(rules.length).toBe(PROVIDERS);

    const engine = await fullEngine();
    const dir = tempDir();
    const files: Record<string, string> = {};
    const secrets = new Map<string, string>(); // secret → rule id
    for (const rule of rules) {
      const random = seededRandom(`${rule.id}:scale`);
      for (let made = 0, tries = 0; made < SECRETS_EACH && tries < 50; tries++) {
        const text = expandTemplates(rule.examples.positive[tries % rule.examples.positive.length]!.text, random).text;
        const found = engine.scan({ text, origin: { path: 'x.txt' } }).findings.filter((f) => f.ruleId === rule.id);
        if (found.length !== 1 || secrets.has(found[0]!.secret)) continue;
        secrets.set(found[0]!.secret, rule.id);
        files[`${rule.providerKey}/${made}.txt`] = `${text}\n`;
        made++;
      }
    }
    expect(secrets.size).toBe(PROVIDERS * SECRETS_EACH);
    writeTree(dir, files);

    const args: string[] = [];
    for (const rule of rules) {
      const server = await ProviderServer.start(() => ({ ...exampleAnswer(rule.verify.examples.live), delayMs: 25 }));
      args.push('--verify-endpoint', `${rule.providerKey}=${server.url}`);
    }
    ProviderServer.inFlight = 0;
    ProviderServer.peakInFlight = 0;
    const started = performance.now();
    const result = await runCliAsync(['scan', dir, '--format', 'json', '--no-redact', '--verify', ...args]);
    const seconds = (performance.now() - started) / 1000;
    const report = JSON.parse(result.stdout);

    const verdicts = new Map<string, string>();
    for (const f of report.findings as { ruleId: string; secret: string; verified: { status: string } }[])
      if (secrets.get(f.secret) === f.ruleId) verdicts.set(f.secret, f.verified.status);
    expect(verdicts.size).toBe(secrets.size);
    expect([...verdicts.values()].filter((s) => s !== 'live')).toEqual([]);
    expect(report.stats.verification.requests).toBe(secrets.size);
    expect(ProviderServer.peakInFlight).toBeGreaterThan(1);
    expect(ProviderServer.peakInFlight).toBeLessThanOrEqual(LIMIT);
    console.log(
      `verified ${secrets.size} secrets of ${rules.length} providers in ${seconds.toFixed(1)} s; at most ${ProviderServer.peakInFlight} requests in flight (limit ${LIMIT})`,
    );
  }, 120_000);
});
