import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { browserOrSkip, launchBrowser, openReport, writePage } from '../helpers/browser.js';
import { commit, GIT_ENV, initRepo } from '../helpers/git.js';
import { base62, githubToken, randomFrom } from '../helpers/tokens.js';

const DIGITS = '0123456789';
import { syntheticReport } from './html-synthetic.js';
import { render } from '../../src/report/render.js';

/**
 * The HTML report in a real browser (Debian's chromium through
 * playwright-core): it renders without console errors or network requests,
 * sorting, filtering and grouping work by clicking, and no planted secret
 * reaches the DOM however hostile the scanned content. The 5,000-finding
 * timing and the README's screenshot are in html-browser.slow.test.ts.
 */
const available = browserOrSkip("the HTML report's browser tests");

let context: BrowserContext;
beforeAll(async () => {
  if (available) context = await launchBrowser();
});
afterAll(async () => {
  await context?.close();
});

const open = (file: string) => openReport(context, file);
const write = writePage;

async function rows(page: Page): Promise<number> {
  return page.locator('tr.finding').count();
}

async function column(page: Page, index: number): Promise<string[]> {
  return page.locator(`tr.finding td:nth-child(${index})`).allInnerTexts();
}

/** A history whose content attacks the page: markup in paths, author names and commit messages, secrets quoted in a message. */
function hostileHistory(): { repo: string; secrets: string[] } {
  const repo = initRepo();
  const secrets = [
    githubToken(),
    githubToken('gho_'),
    `AKIA${base62(16)
      .toUpperCase()
      .replace(/[^A-Z2-7]/g, 'Q')}`,
    base62(40),
  ];
  // Drawn by randomFrom, which draws again when a value spells a placeholder run the filters rightly drop.
  const slack = `xoxb-${randomFrom(DIGITS, 12)}-${randomFrom(DIGITS, 12)}-${base62(24)}`;
  secrets.push(slack);
  commit(
    repo,
    { 'config/app.env': `GITHUB_TOKEN=${secrets[0]!}\nAWS_ACCESS_KEY_ID=${secrets[2]!}\nAWS_SECRET_ACCESS_KEY=${secrets[3]!}\n` },
    `</script><script>alert(1)</script> rotate ${secrets[0]!}`,
    // git strips angle brackets from names and addresses: quotes and ampersands are what an author can hold.
    { author: `Mallory "&amp;" O'Hara`, email: `mallory"&'@example.com` },
  );
  commit(repo, { 'web/a"b<i>c</i>.env': `OAUTH=${secrets[1]!}\n` }, '<b>bold</b> move');
  // A bidi override would show this message reversed: printable() writes it escaped, as every format does.
  commit(repo, { 'src/slack.py': `SLACK_BOT_TOKEN = "${slack}"\n` }, 'notify \u202egnp.exe');
  return { repo, secrets };
}

describe.skipIf(!available)('the HTML report in a browser', () => {
  it('renders hostile content as text: no errors, no requests, no injected markup, no secret in the DOM', async () => {
    const { repo, secrets } = hostileHistory();
    const result = runCli(['git', '.', '--format', 'html'], { cwd: repo, env: { ...GIT_ENV, HOME: repo } });
    expect(result.code, result.stderr).toBe(1);
    const { page, errors, requests, dialogs } = await open(write(result.stdout));
    const island = JSON.parse((await page.textContent('#keyhound-data')) ?? '') as { rules: string[][]; findings: unknown[][] };
    const listed = island.findings.map((f) => `${island.rules[f[0] as number]![0]} ${String(f[4])}`);
    // Five secrets, and the commit message that quotes the first is a sixth finding (messages are scanned as text).
    expect(listed, result.stderr).toHaveLength(6);
    expect(listed.filter((where) => where.startsWith('github-pat-classic '))).toHaveLength(2);
    expect(await rows(page)).toBe(6);
    // Every row's details open: snippets, messages, authors are all in the DOM now.
    for (const row of await page.locator('tr.finding').all()) await row.click();
    expect(await page.locator('tr.detail').count()).toBe(6);
    const dom = await page.content();
    const shown = await page.evaluate<string>('document.body.innerText');
    // Masked as every format masks: no 8 characters of a planted secret in a row, in the markup or on screen.
    for (const secret of secrets)
      for (let i = 0; i + 8 <= secret.length; i++) {
        expect(dom).not.toContain(secret.slice(i, i + 8));
        expect(shown).not.toContain(secret.slice(i, i + 8));
      }
    expect(shown).toContain(`Mallory "&amp;" O'Hara <mallory"&'@example.com>`);
    expect(shown).toContain('</script><script>alert(1)</script> rotate ghp_');
    expect(shown).toContain('web/a"b<i>c</i>.env');
    expect(shown).toContain('notify \\u202egnp.exe');
    expect(shown).not.toContain('\u202e');
    expect(await page.locator('img, svg[onload], i, b, script:not(#keyhound-data)').count()).toBe(1); // the page's own script
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('sorts, filters and groups by clicking', async () => {
    const { repo } = hostileHistory();
    const result = runCli(['git', '.', '--format', 'html'], { cwd: repo, env: { ...GIT_ENV, HOME: repo } });
    const { page, errors, requests } = await open(write(result.stdout));
    const severities = await column(page, 1);
    expect(severities[0]).toBe('critical');
    await page.click('th[data-sort="severity"] button');
    expect(await page.getAttribute('th[data-sort="severity"]', 'aria-sort')).toBe('descending');
    expect(await column(page, 1)).toEqual([...severities].reverse());
    await page.click('th[data-sort="location"] button');
    const places = await column(page, 3);
    expect(places).toEqual([...places].sort());
    await page.click('th[data-sort="location"] button');
    expect(await column(page, 3)).toEqual([...places].sort().reverse());

    // A bar of the provider chart filters to that provider; a second click lifts the filter.
    await page.click('.bar[data-filter="provider"][data-value="Amazon Web Services"]');
    expect(await column(page, 2)).toEqual([expect.stringContaining('Amazon Web Services'), expect.stringContaining('Amazon Web Services')]);
    expect(await page.textContent('#count')).toBe('Showing 2 of 6 findings');
    expect(await page.inputValue('#filter-provider')).toBe('Amazon Web Services');
    await page.click('.bar[data-filter="provider"][data-value="Amazon Web Services"]');
    expect(await rows(page)).toBe(6);
    await page.click('.bar[data-filter="severity"][data-value="critical"]');
    expect(new Set(await column(page, 1))).toEqual(new Set(['critical']));
    await page.click('#clear');
    await page.selectOption('#filter-confidence', 'high');
    const high = await rows(page);
    expect(high).toBeGreaterThan(0);
    await page.click('#clear');
    await page.fill('#search', 'slack.py');
    await expect.poll(() => rows(page)).toBe(1);
    await page.click('#clear');

    // Grouped by secret: one group a fingerprint, named by its masked secret.
    await page.selectOption('#view', 'secret');
    expect(await page.locator('tr.group').count()).toBe(5);
    expect(await page.textContent('#count')).toBe('Showing 6 of 6 findings in 5 secrets');
    // Details with how to revoke, opened and closed by clicking the row.
    await page.selectOption('#view', 'all');
    const first = page.locator('tr.finding').first();
    await first.click();
    await expect.poll(() => page.locator('tr.detail').count()).toBe(1);
    expect(await page.locator('tr.detail').innerText()).toMatch(/How to revoke[\s\S]*https:\/\//);
    await first.click();
    expect(await page.locator('tr.detail').count()).toBe(0);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('lists a long report a page at a time, and the rest on request', async () => {
    const synthetic = syntheticReport(1234, 12);
    const html = render(synthetic.report, { format: 'html' });
    for (const secret of synthetic.secrets) expect(html).not.toContain(secret);
    const { page, errors, requests } = await open(write(html));
    expect(await rows(page)).toBe(500);
    expect(await page.textContent('#count')).toBe('Showing 1234 of 1234 findings (the first 500 listed)');
    await page.click('#more');
    expect(await rows(page)).toBe(1000);
    // 234 are left: one button lists them all.
    expect(await page.locator('#all').count()).toBe(0);
    await page.click('#more');
    expect(await rows(page)).toBe(1234);
    expect(await page.locator('#more').count()).toBe(0);
    // A sort lists the first page again; "all" lists the rest at once.
    await page.click('th[data-sort="location"] button');
    expect(await rows(page)).toBe(500);
    await page.click('#all');
    expect(await rows(page)).toBe(1234);
    // A filter lists its first page again, and the count says how many match.
    await page.selectOption('#filter-liveness', 'none');
    const unchecked = synthetic.count((f) => f.verified === undefined);
    expect(await page.getAttribute('#count', 'data-matching')).toBe(String(unchecked));
    expect(await rows(page)).toBe(Math.min(500, unchecked));
    // Grouped by repository, the page still stops at 500 rows, and every group says its full size.
    await page.click('#clear');
    await page.selectOption('#view', 'repository');
    expect(await rows(page)).toBe(500);
    const sizes = await page.locator('tr.group .muted').allInnerTexts();
    expect(sizes[0]).toBe(`${synthetic.count((f) => f.origin.repository === synthetic.repositories[0])} findings`);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });
});
