// What each candidate filter buys (docs/detection.md): corpus recall, exact
// recall and false-positive rate, and findings per 100 MB of real source code,
// with every filter on and with each filter turned off in turn
// (KEYHOUND_FILTERS_OFF, read by src/detect/filters/index.ts).
//
//   npm run build && node bench/ablation.mjs [--corpus ../shared/corpus] [--tree PATH]... [--only 'all filters,-shape'] [--list] [--cli dist/cli/keyhound.js]
//
// Real trees by default: a copy of this repository's node_modules (scans skip
// node_modules folders, so it is copied to a temp folder first) and the system
// folders below that exist. --list prints every finding of the all-filters run,
// for reading one by one.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
// --cli: a built copy to measure (a long run should not see a rebuild of dist/ half-way).
const CLI = path.resolve(option('--cli', path.join(root, 'dist', 'cli', 'keyhound.js')));
const options = (name) => args.flatMap((a, i) => (a === name ? [args[i + 1]] : []));

const SYSTEM_TREES = [
  '/usr/lib/python3',
  '/usr/lib/python3.11',
  '/usr/lib/python3.12',
  '/usr/share/doc',
  '/usr/share/perl',
  '/usr/share/perl5',
  '/usr/lib/node_modules',
];
const FILTERS = ['entropy', 'placeholder', 'published', 'shape', 'name', 'value-shape', 'wordlike', 'checksum', 'near'];
const CONFIGS = [
  { name: 'all filters', off: [] },
  ...FILTERS.map((f) => ({ name: `without ${f}`, off: [f] })),
  { name: 'generic filters off (shape, wordlike)', off: ['shape', 'wordlike'] },
  { name: 'no filters', off: ['entropy', 'placeholder', 'published', 'shape', 'wordlike', 'checksum', 'near'] },
];

if (!existsSync(CLI)) throw new Error(`no ${CLI}: run npm run build first`);
const corpus = path.resolve(option('--corpus', path.join(root, '..', 'shared', 'corpus')));
const only = option('--only')?.split(',');
const configs = only
  ? CONFIGS.filter((c) => only.includes(c.name) || only.some((o) => o.startsWith('-') && c.name === `without ${o.slice(1)}`))
  : CONFIGS;

let temp;
let trees = options('--tree');
if (trees.length === 0) {
  temp = mkdtempSync(path.join(os.tmpdir(), 'keyhound-ablation-'));
  const copy = path.join(temp, 'node_modules-copy');
  // Keep only installed packages: tools' own caches (node_modules/.cache) are not third-party code.
  cpSync(path.join(root, 'node_modules'), copy, { recursive: true, filter: (src) => !src.includes(`${path.sep}.cache`) });
  trees = [copy, ...SYSTEM_TREES.filter((t) => existsSync(t))];
}

function scanTree(tree, env) {
  const out = path.join(os.tmpdir(), `keyhound-ablation-${process.pid}.json`);
  const r = spawnSync(
    process.execPath,
    [CLI, 'scan', tree, '--format', 'json', '--no-redact', '--quiet', '--no-gitignore', '--exit-code', '0', '--output', out],
    { env, encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  if (r.status !== 0) throw new Error(`scan of ${tree} failed: ${r.stderr}`);
  const report = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(out, { force: true });
  return report;
}

function scoreCorpus(env) {
  const score = path.join(corpus, 'score.mjs');
  const name = `ablation-${process.pid}`;
  const r = spawnSync(
    process.execPath,
    [score, '--cmd', `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} scan {dir} --format sarif --output {out}`, '--name', name],
    { env, encoding: 'utf8', cwd: root, maxBuffer: 1 << 26 },
  );
  const line = r.stdout.split('\n').find((l) => l.startsWith('corpus:'));
  if (!line) throw new Error(`corpus scoring failed: ${r.stderr || r.stdout}`);
  const value = (key) => Number(new RegExp(`${key}=([0-9.]+)`).exec(line)?.[1]);
  return { recall: value('recall'), exact: value('exact'), fpRate: value('fp_rate') };
}

const rows = [];
for (const config of configs) {
  const env = { ...process.env, KEYHOUND_FILTERS_OFF: config.off.join(',') };
  const scores = scoreCorpus(env);
  let findings = 0;
  let bytes = 0;
  const perTree = [];
  for (const tree of trees) {
    const report = scanTree(tree, env);
    findings += report.findings.length;
    bytes += report.stats.bytes;
    perTree.push({ tree, findings: report.findings.length, bytes: report.stats.bytes });
    if (args.includes('--list') && config.off.length === 0) {
      for (const f of report.findings)
        console.log(`  ${f.ruleId}  ${path.join(tree, f.path)}:${f.line}  ${JSON.stringify(f.secret.slice(0, 80))}`);
    }
  }
  const row = { ...config, ...scores, findings, bytes, per100MB: findings / (bytes / 1e8), perTree };
  rows.push(row);
  console.log(
    `${config.name.padEnd(40)} recall ${scores.recall.toFixed(3)}  exact ${scores.exact.toFixed(3)}  fp_rate ${scores.fpRate.toFixed(3)}  real code ${findings} findings in ${(bytes / 1e6).toFixed(0)} MB = ${row.per100MB.toFixed(1)}/100 MB`,
  );
}

console.log('\n| configuration | recall | exact | fp_rate | real-code findings | per 100 MB |\n|---|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.name} | ${r.recall.toFixed(3)} | ${r.exact.toFixed(3)} | ${r.fpRate.toFixed(3)} | ${r.findings} | ${r.per100MB.toFixed(1)} |`,
  );
console.log('\nper tree (all filters):');
for (const t of rows[0]?.perTree ?? [])
  console.log(
    `  ${t.tree}: ${t.findings} findings in ${(t.bytes / 1e6).toFixed(1)} MB = ${(t.findings / (t.bytes / 1e8)).toFixed(1)}/100 MB`,
  );
if (temp) rmSync(temp, { recursive: true, force: true });
