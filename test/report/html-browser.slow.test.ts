import { copyFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { browserOrSkip, launchBrowser, openReport, writePage } from '../helpers/browser.js';
import { tempDir } from '../helpers/tmp.js';
import { syntheticReport } from './html-synthetic.js';
import { render } from '../../src/report/render.js';

/**
 * The HTML report of a large audit in a real browser: 5,000 findings open in
 * under 2 s (the slow suite runs one file at a time, so the browser is not
 * racing the rest of the tests), and every filter still counts them all.
 * Also takes the README's screenshot.
 */
const available = browserOrSkip("the HTML report's browser timing");

let context: BrowserContext;
beforeAll(async () => {
  if (available) context = await launchBrowser();
});
afterAll(async () => {
  await context?.close();
});

const DAY = 86_400_000;

function matching(page: Page): Promise<string | null> {
  return page.getAttribute('#count', 'data-matching');
}

describe.skipIf(!available)('a large HTML report in a browser', () => {
  it('opens a 5,000-finding report in under 2 s, and filters it by repository, liveness and commit age', async () => {
    const synthetic = syntheticReport(5000);
    const html = render(synthetic.report, { format: 'html' });
    const file = writePage(html, 'large.html');
    const { page, errors, requests, ms } = await openReport(context, file);
    expect(await matching(page)).toBe('5000');
    console.log(`keyhound: a 5,000-finding HTML report (${(html.length / 1024).toFixed(0)} KiB) opened in ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(2000);
    const sample = synthetic.secrets.filter((_, i) => i % 10 === 0);
    for (const secret of sample) expect(html).not.toContain(secret);

    await page.selectOption('#filter-repository', synthetic.repositories[3]!);
    expect(await matching(page)).toBe(String(synthetic.count((f) => f.origin.repository === synthetic.repositories[3])));
    await page.selectOption('#filter-liveness', 'live');
    expect(await matching(page)).toBe(
      String(synthetic.count((f) => f.origin.repository === synthetic.repositories[3] && f.verified?.status === 'live')),
    );
    await page.click('#clear');
    await page.selectOption('#filter-age', '30');
    expect(await matching(page)).toBe(String(synthetic.count((f) => Date.now() - Date.parse(f.origin.commit!.date) <= 30 * DAY)));
    await page.selectOption('#filter-age', 'old');
    expect(await matching(page)).toBe(String(synthetic.count((f) => Date.now() - Date.parse(f.origin.commit!.date) > 365 * DAY)));
    await page.click('#clear');
    // Sorted by location and every row listed: all 5,000, in order, with no secret in the DOM.
    await page.click('th[data-sort="location"] button');
    await page.click('#all');
    expect(await page.locator('tr.finding').count()).toBe(5000);
    const dom = await page.content();
    for (const secret of sample) expect(dom).not.toContain(secret);
    await page.selectOption('#view', 'repository');
    expect(await page.getAttribute('#count', 'data-matching')).toBe('5000');
    expect(await page.textContent('#count')).toContain(`in ${synthetic.repositories.length} repositories`);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('takes the screenshot in the README (UPDATE_SCREENSHOT=1 writes docs/html-report.png)', async () => {
    const synthetic = syntheticReport(60, 7);
    const { page, errors } = await openReport(context, writePage(render(synthetic.report, { format: 'html' })));
    await page.selectOption('#view', 'secret');
    await page.locator('tr.finding').nth(1).click();
    const shot = path.join(tempDir(), 'html-report.png');
    await page.screenshot({ path: shot, clip: { x: 0, y: 0, width: 1280, height: 1100 }, fullPage: true });
    if (process.env.UPDATE_SCREENSHOT === '1') copyFileSync(shot, path.join(ROOT, 'docs', 'html-report.png'));
    expect(errors).toEqual([]);
    await page.close();
  });
});
