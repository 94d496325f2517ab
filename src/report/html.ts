import { createHash } from 'node:crypto';
import { describeIncomplete } from '../core/completeness.js';
import { printable } from '../core/printable.js';
import { charts, SEVERITIES } from './html-chart.js';
import { dataIsland, escapeHtml, pageData } from './html-data.js';
import { SCRIPT } from './html-script.js';
import { STYLE } from './html-style.js';
import { incompleteOf, type Report, type Reporter } from './types.js';

/**
 * `--format html`: one self-contained page a security team can read and
 * pass on. Styles and script are inline, and the page's Content-Security-
 * Policy lets only those two (by hash) run and load nothing at all, so the
 * page makes no network request when opened, whatever the findings hold.
 * Findings travel as a JSON data island (src/report/html-data.ts) that the
 * script turns into rows with DOM calls only; everything written here as
 * markup is escaped. It renders the redacted report every format renders:
 * secrets are masked exactly as in the others.
 */

function hash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}

/** The run in one sentence, and what it could not scan. */
function summary(report: Report): string {
  const { stats, findings } = report;
  const n = findings.length;
  const head = n === 0 ? 'No secrets found' : `${plural(n, 'secret')} found`;
  const line = `<p class="summary"><strong>${head}</strong> in ${plural(stats.files, 'file')} (${bytes(stats.bytes)}) in ${(stats.durationMs / 1000).toFixed(2)} s.</p>`;
  const incomplete = incompleteOf(stats);
  if (!incomplete) return line;
  return `${line}<div class="incomplete" role="alert"><strong>Incomplete:</strong> ${escapeHtml(describeIncomplete(incomplete, printable))}. What was scanned is reported; nothing can be said of the rest.</div>`;
}

function fact(term: string, value: string): string {
  return `<div><dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd></div>`;
}

/** What an audit covered: shards, repositories, failures (stats of `keyhound github` and `keyhound merge`). */
function auditFacts(report: Report): string {
  const { stats } = report;
  const facts: string[] = [];
  if (typeof stats.shard === 'string') facts.push(fact('Shard', stats.shard));
  const shards = stats.shards as { count?: number; merged?: number[]; missing?: number[] } | undefined;
  if (shards && typeof shards.count === 'number') {
    facts.push(fact('Shards merged', `${shards.merged?.length ?? 0} of ${shards.count}`));
    if (shards.missing && shards.missing.length > 0) facts.push(fact('Shards missing', shards.missing.join(', ')));
  }
  const covered = Array.isArray(stats.covered) ? stats.covered.length : undefined;
  if (covered !== undefined) facts.push(fact('Repositories', String(covered)));
  const failures = Array.isArray(stats.failures) ? (stats.failures as { repository?: unknown; reason?: unknown }[]) : [];
  if (covered !== undefined) facts.push(fact('Failed', String(failures.length)));
  if (typeof stats.commits === 'number') facts.push(fact('Commits', String(stats.commits)));
  const repositories = new Set(report.findings.map((f) => f.repository).filter(Boolean)).size;
  if (repositories > 0) facts.push(fact('Repositories with findings', String(repositories)));
  const secrets = new Set(report.findings.map((f) => f.fingerprint)).size;
  if (secrets > 0) facts.push(fact('Distinct secrets', String(secrets)));
  const live = report.findings.filter((f) => f.verified?.status === 'live').length;
  if (report.findings.some((f) => f.verified)) facts.push(fact('Live', String(live)));
  let out = facts.length > 0 ? `<dl class="facts">${facts.join('')}</dl>` : '';
  if (failures.length > 0) {
    const items = failures.map(
      (f) => `<li><code>${escapeHtml(printable(String(f.repository)))}</code>: ${escapeHtml(printable(String(f.reason)))}</li>`,
    );
    out += `<details class="failures" open><summary>${plural(failures.length, 'repository', 'repositories')} could not be audited</summary><ul>${items.join('')}</ul></details>`;
  }
  return out;
}

function select(id: string, label: string, choices: readonly [string, string][]): string {
  const options = choices.map(([value, text]) => `<option value="${escapeHtml(value)}">${escapeHtml(text)}</option>`).join('');
  return `<label for="${id}">${escapeHtml(label)}<select id="${id}">${options}</select></label>`;
}

function controls(): string {
  return [
    '<div class="controls" role="search">',
    select('view', 'Group', [
      ['all', 'no grouping'],
      ['secret', 'by secret'],
      ['repository', 'by repository'],
    ]),
    select('filter-provider', 'Provider', [['', 'all']]),
    select('filter-severity', 'Severity', [['', 'all'], ...SEVERITIES.map((s): [string, string] => [s, s])]),
    select('filter-confidence', 'Confidence', [
      ['', 'all'],
      ['high', 'high'],
      ['medium', 'medium'],
      ['low', 'low'],
    ]),
    select('filter-liveness', 'Liveness', [
      ['', 'all'],
      ['live', 'live'],
      ['unknown', 'unknown'],
      ['dead', 'dead'],
      ['none', 'not checked'],
    ]),
    select('filter-repository', 'Repository', [['', 'all']]),
    select('filter-age', 'Commit age', [
      ['', 'any'],
      ['7', 'last 7 days'],
      ['30', 'last 30 days'],
      ['90', 'last 90 days'],
      ['365', 'last year'],
      ['old', 'over a year'],
      ['none', 'no commit'],
    ]),
    '<label for="search">Search<input id="search" type="search" placeholder="path, rule, author, commit"></label>',
    '<button id="clear" type="button">Clear filters</button>',
    '</div>',
  ].join('');
}

const COLUMNS: readonly [string, string][] = [
  ['severity', 'Severity'],
  ['secret', 'Secret'],
  ['location', 'Location'],
  ['commit', 'Commit'],
  ['confidence', 'Confidence'],
  ['liveness', 'Liveness'],
];

function table(): string {
  const heads = COLUMNS.map(([key, label]) => `<th scope="col" data-sort="${key}"><button type="button">${label}</button></th>`).join('');
  return `<p id="count" aria-live="polite"></p><table id="findings"><thead><tr>${heads}</tr></thead></table>`;
}

/** One HTML page; deterministic (no clock: the age of each commit is worked out when the page is opened). */
export const htmlReporter: Reporter = (report) => {
  const policy = [
    "default-src 'none'",
    `script-src ${hash(SCRIPT)}`,
    `style-src ${hash(STYLE)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const title = `keyhound report: ${report.findings.length === 0 ? 'no secrets found' : plural(report.findings.length, 'secret')}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    '<h1>keyhound report</h1>',
    summary(report),
    auditFacts(report),
    '</header>',
    '<main>',
    charts(report.findings),
    '<h2>Findings</h2>',
    '<noscript><p>The table of findings needs JavaScript. The findings are also in this file, as JSON, in the element with id keyhound-data.</p></noscript>',
    controls(),
    table(),
    '</main>',
    `<footer>${escapeHtml(`${report.tool.name} ${report.tool.version}`)} · secrets are masked as in every keyhound format · <a href="${escapeHtml(report.tool.informationUri)}" rel="noopener noreferrer">${escapeHtml(report.tool.informationUri)}</a></footer>`,
    `<script type="application/json" id="keyhound-data">${dataIsland(pageData(report))}</script>`,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
};
