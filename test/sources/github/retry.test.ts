import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError, createGitHubClient } from '../../../src/sources/github/client.js';
import { RateLimitError } from '../../../src/sources/github/ratelimit.js';

/** One answer of the stand-in: GitHub's status, headers and JSON body. */
interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const REPO = { id: 1, name: 'app', full_name: 'acme/app', private: false, fork: false, clone_url: 'https://github.com/acme/app.git' };
const OK: Answer = { status: 200, body: REPO };
const BAD_GATEWAY: Answer = { status: 502, body: { message: 'Server Error' } };
/** GitHub's secondary limit: 403, a message that says so, and (often) no retry-after. */
const SECONDARY: Answer = {
  status: 403,
  body: {
    message:
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
    documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
  },
};

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** GitHub's REST API on 127.0.0.1, answering GET /repos/acme/app with `answers` in turn (the last one from then on). */
async function api(answers: Answer[]): Promise<{ url: string; requests: () => number }> {
  let n = 0;
  server = createServer((_req, res) => {
    const answer = answers[Math.min(n++, answers.length - 1)]!;
    res.writeHead(answer.status, {
      'content-type': 'application/json; charset=utf-8',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4990',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      ...answer.headers,
    });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests: () => n };
}

describe('the GitHub client under failures', () => {
  it('retries a 502 and answers', async () => {
    const stand = await api([BAD_GATEWAY, BAD_GATEWAY, OK]);
    const gh = createGitHubClient({ apiUrl: stand.url, timeUnitMs: 1 });
    const { data } = await gh.rest.repos.get({ owner: 'acme', repo: 'app' });
    expect(data.full_name).toBe('acme/app');
    expect(stand.requests()).toBe(3);
  });

  it('gives up on a lasting 5xx after its retries, with the status', async () => {
    const stand = await api([BAD_GATEWAY]);
    const gh = createGitHubClient({ apiUrl: stand.url, timeUnitMs: 1, retries: 2 });
    const error = await gh.rest.repos.get({ owner: 'acme', repo: 'app' }).catch((e: unknown) => e);
    expect(stand.requests()).toBe(3);
    expect(apiError(error, 'reading acme/app').message).toBe(
      'GitHub API: reading acme/app failed with 502 (Server Error): GitHub had a problem; try again later',
    );
  });

  it('waits a minute (as GitHub asks) on a secondary limit without retry-after, then retries', async () => {
    const stand = await api([SECONDARY, OK]);
    const waits: number[] = [];
    const gh = createGitHubClient({ apiUrl: stand.url, timeUnitMs: 1, onWait: (ms) => void waits.push(ms) });
    const { data } = await gh.rest.repos.get({ owner: 'acme', repo: 'app' });
    expect(data.full_name).toBe('acme/app');
    expect(waits).toEqual([60_000]);
    expect(stand.requests()).toBe(2);
  });

  it('honours retry-after on a secondary limit', async () => {
    const stand = await api([{ ...SECONDARY, headers: { 'retry-after': '7' } }, OK]);
    const waits: number[] = [];
    const gh = createGitHubClient({ apiUrl: stand.url, timeUnitMs: 1, onWait: (ms) => void waits.push(ms) });
    await gh.rest.repos.get({ owner: 'acme', repo: 'app' });
    expect(waits).toEqual([7000]);
  });

  it('reports a lasting secondary limit as a rate limit, not as a missing permission', async () => {
    const stand = await api([SECONDARY]);
    const gh = createGitHubClient({ apiUrl: stand.url, timeUnitMs: 1 });
    const error = await gh.rest.repos.get({ owner: 'acme', repo: 'app' }).catch((e: unknown) => e);
    expect(stand.requests()).toBe(4);
    const reported = apiError(error, 'reading acme/app');
    expect(reported).toBeInstanceOf(RateLimitError);
    expect(reported.message).toMatch(/secondary rate limit .*wait a few minutes/);
    expect(reported.message).not.toContain('permission');
  });

  it('does not retry what retrying cannot fix (404)', async () => {
    const stand = await api([{ status: 404, body: { message: 'Not Found' } }]);
    const gh = createGitHubClient({ apiUrl: stand.url, timeUnitMs: 1 });
    await expect(gh.rest.repos.get({ owner: 'acme', repo: 'app' })).rejects.toMatchObject({ status: 404 });
    expect(stand.requests()).toBe(1);
  });
});
