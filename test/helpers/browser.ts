import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { fileTempDir, tempDir } from './tmp.js';

/**
 * Debian's chromium, driven by playwright-core, which never downloads a
 * browser of its own. `.ci/run` installs the package; elsewhere the tests that
 * need it say they are skipped when it is missing (and fail under CI).
 */
export const CHROMIUM = process.env.KEYHOUND_CHROMIUM ?? '/usr/bin/chromium';

export function hasBrowser(): boolean {
  return existsSync(CHROMIUM);
}

/**
 * Whether the browser tests can run. Where a browser is required (.ci/run
 * sets KEYHOUND_REQUIRE_BROWSER=1, and so does CI=true) a missing one is an
 * error, not a skip; elsewhere the skip is said out loud.
 */
export function browserOrSkip(what: string): boolean {
  if (hasBrowser()) return true;
  if (process.env.KEYHOUND_REQUIRE_BROWSER === '1' || process.env.CI === 'true')
    throw new Error(`no browser at ${CHROMIUM}, and this run requires one: apt-get install -y chromium`);
  console.warn(`keyhound: skipping ${what}: no browser at ${CHROMIUM} (apt-get install -y chromium, or set KEYHOUND_CHROMIUM)`);
  return false;
}

/** Flags for a quiet, offline-minded headless browser in a container (no sandbox: tests run as root). */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface PageWatch {
  page: Page;
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Every request the page made, other than reading the page itself. */
  requests: string[];
  /** Alerts, confirms and prompts the page opened. */
  dialogs: string[];
}

/** A fresh browser with a new profile folder (removed after the test); close it when done. */
export async function launchBrowser(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(tempDir('keyhound-chromium-'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
  });
}

/** A new page that records console errors, page errors, dialogs and requests. */
export async function watchedPage(context: BrowserContext, pageUrl: string): Promise<PageWatch> {
  const page = await context.newPage();
  const watch: PageWatch = { page, errors: [], requests: [], dialogs: [] };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') watch.errors.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => watch.errors.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    watch.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (request.url() !== pageUrl) watch.requests.push(request.url());
  });
  return watch;
}

/** Writes a page to a new temp folder (removed after the test). */
export function writePage(html: string, name = 'report.html'): string {
  const file = path.join(fileTempDir('keyhound-html-'), name);
  writeFileSync(file, html);
  return file;
}

/**
 * Opens a report and waits until its script has listed the findings; `ms` is
 * the time from navigation to that. Waits use locators, not page functions:
 * the report's Content-Security-Policy forbids evaluating strings.
 */
export async function openReport(context: BrowserContext, file: string): Promise<PageWatch & { ms: number }> {
  const url = pathToFileURL(file).href;
  const watch = await watchedPage(context, url);
  const started = performance.now();
  await watch.page.goto(url);
  await watch.page.locator('body.ready #count[data-matching]').waitFor({ state: 'attached', timeout: 10_000 });
  return { ...watch, ms: performance.now() - started };
}
