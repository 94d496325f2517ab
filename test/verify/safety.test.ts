import { describe, expect, it } from 'vitest';
import { hostMatches } from '../../src/verify/hosts.js';
import { verifyFindings } from '../../src/verify/runner.js';
import { verifyingProviders } from '../../src/verify/rules.js';
import { netWatch, ProviderServer, runCliAsync } from '../helpers/providers.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { exampleScans, fullEngine, promisedHosts, RULES, VERIFYING } from './examples.js';

/** Host names found in a text, to swap for hostile ones. */
const HOSTNAME = /(?<![\w.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}(?![\w-])/gi;

/** The hosts a hostile file names: none may ever be contacted. */
const HOSTILE = ['evil.example', '127.0.0.1'];
const hostile = (host: string): boolean => HOSTILE.includes(host) || host.endsWith('.evil.example') || /^\d+\.\d+\.\d+\.\d+$/.test(host);

/** Lines naming hostile hosts in the shapes rules look for (site variables, URLs, Terraform hosts). */
const HOSTILE_LINES = [
  'BT_API_HOST=evil.example',
  'site = x.beyondtrustcloud.com.evil.example',
  'host = "127.0.0.1"',
  'url: https://evil.example/BeyondTrust/api/public/v3',
  'OKTA_ORG_URL=https://acme.okta.com.evil.example',
  'domain: "127.0.0.1"',
  'endpoint = https://127.0.0.1/api',
].join('\n');

describe('a host named in scanned content is never contacted', () => {
  it("for any verifying rule: with the content's hosts swapped for evil.example, look-alikes and 127.0.0.1, only the rule's own hosts are meant", async () => {
    const server = await ProviderServer.start(() => ({ status: 401, body: {} }));
    const endpoints = new Map(verifyingProviders(RULES).map((p) => [p, server.url]));
    const engine = await fullEngine();
    const bad: string[] = [];
    let meant = 0;
    for (const rule of VERIFYING) {
      for (const { text } of await exampleScans(rule)) {
        const variants = [
          `${text}\n${HOSTILE_LINES}`,
          text.replace(HOSTNAME, 'evil.example'),
          text.replace(HOSTNAME, (host) => `${host}.evil.example`),
          text.replace(HOSTNAME, '127.0.0.1'),
        ];
        for (const variant of variants) {
          const { findings } = engine.scan({ text: variant, origin: { path: 'example.txt' } });
          const intended: URL[] = [];
          await verifyFindings(findings, { rules: RULES, endpoints, retries: 0, onRequest: (url) => intended.push(url) });
          meant += intended.length;
          for (const url of intended) {
            const owner = RULES.find(
              (r) =>
                r.verify && findings.some((f) => f.ruleId === r.id) && promisedHosts(r as never).some((p) => hostMatches(url.hostname, p)),
            );
            if (hostile(url.hostname) || !owner) bad.push(`${rule.id}: meant to contact ${url.host}`);
          }
        }
      }
    }
    expect(bad).toEqual([]);
    // The checks ran: requests were meant, to the providers' own hosts.
    expect(meant).toBeGreaterThan(VERIFYING.length);
  });

  it("a site rule sends nothing when the only site near the secret is not the provider's", async () => {
    const server = await ProviderServer.start(() => ({ status: 200, body: { access_token: 'x' } }));
    const endpoints = new Map(verifyingProviders(RULES).map((p) => [p, server.url]));
    const engine = await fullEngine();
    // A site built from a bare label and the vendor's suffix (Mailchimp's us6, Algolia's app id) is always the vendor's.
    const siteRules = VERIFYING.filter((rule) => rule.verify.site && !rule.verify.site.suffix);
    expect(siteRules.length).toBeGreaterThanOrEqual(5);
    for (const rule of siteRules) {
      for (const { text } of await exampleScans(rule)) {
        for (const variant of [
          text.replace(HOSTNAME, 'evil.example'),
          text.replace(HOSTNAME, (h) => `${h}.evil.example`),
          text.replace(HOSTNAME, '127.0.0.1'),
        ]) {
          const { findings } = engine.scan({ text: variant, origin: { path: 'example.txt' } });
          const mine = findings.filter((f) => f.ruleId === rule.id);
          if (mine.length === 0) continue;
          const before = server.requests.length;
          const { results } = await verifyFindings(mine, { rules: RULES, endpoints, retries: 0 });
          expect(server.requests.length, `${rule.id} sent a request for: ${variant}`).toBe(before);
          for (const result of results) expect(result.status).toBe('unknown');
        }
      }
    }
  });
});

describe('the CLI process contacts nothing but the stand-in, and nothing at all without --verify', () => {
  /** One file a verifying rule (its example texts), plus lines naming hostile hosts and a trap on 127.0.0.1. */
  async function hostileTree(trap: string): Promise<string> {
    const dir = tempDir();
    const files: Record<string, string> = {};
    for (const rule of VERIFYING) {
      const texts = (await exampleScans(rule)).map((s) => s.text);
      files[`${rule.id}.txt`] = `${texts.join('\n\n')}\n${HOSTILE_LINES}\nBT_API_HOST=${new URL(trap).host}\nbase_url: ${trap}/v1\n`;
    }
    writeTree(dir, files);
    return dir;
  }

  it('without --verify: no socket is opened at all', async () => {
    const trap = await ProviderServer.start(() => ({ status: 200, body: {} }));
    const dir = await hostileTree(trap.url);
    const watch = netWatch(tempDir());
    const result = await runCliAsync(['scan', dir, '--format', 'json'], { env: watch.env });
    const report = JSON.parse(result.stdout);
    expect(report.findings.length).toBeGreaterThan(VERIFYING.length);
    expect(report.findings.filter((f: { verified?: unknown }) => f.verified !== undefined)).toEqual([]);
    expect(report.stats.verification).toBeUndefined();
    expect(watch.connections()).toEqual([]);
    expect(trap.requests).toEqual([]);
  });

  it('with --verify and every provider sent to a stand-in: every socket goes to the stand-in, none to a host the files name', async () => {
    const trap = await ProviderServer.start(() => ({ status: 200, body: {} }));
    const standIn = await ProviderServer.start(() => ({ status: 401, body: {} }));
    const dir = await hostileTree(trap.url);
    const watch = netWatch(tempDir());
    const endpoints = verifyingProviders(RULES).flatMap((p) => ['--verify-endpoint', `${p}=${standIn.url}`]);
    const result = await runCliAsync(['scan', dir, '--format', 'json', '--verify', ...endpoints], { env: watch.env });
    const report = JSON.parse(result.stdout);
    expect(report.stats.verification.requests).toBeGreaterThan(VERIFYING.length / 2);
    const standInPort = Number(new URL(standIn.url).port);
    const elsewhere = watch.connections().filter((c) => !(c.host === '127.0.0.1' && c.port === standInPort));
    expect(elsewhere).toEqual([]);
    expect(trap.requests).toEqual([]);
    expect(standIn.requests.length).toBe(report.stats.verification.requests);
  });
});
