// `npm run bench`: keyhound's speed next to baselines measured in the same run
// (these machines are noisy; compare ratios, not absolute numbers).
//
//   npm run bench [-- --mb 200] [-- --tree PATH]   (PATH: scan a real tree instead)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { generate } from './generate.mjs';
import { best, CLI, mib, row, runNode } from './measure.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const mb = Number(option('--mb', '200'));
const runs = Number(option('--runs', '2'));
let tree = option('--tree');
let planted;
if (!tree) {
  tree = path.join(os.tmpdir(), `keyhound-bench-tree-${mb}`);
  const manifestFile = path.join(tree, '.planted.json');
  const manifest = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : undefined;
  planted = manifest && manifest.mb === mb ? manifest : generate(tree, { mb, seed: 1 });
  console.log(`tree: ${tree} (${planted.files} files, ${mib(planted.bytes).toFixed(0)} MiB, ${planted.planted.length} planted secrets)`);
} else {
  console.log(`tree: ${tree}`);
}
console.log(`machine: ${os.availableParallelism()} cores, node ${process.version}\n`);

// 1. keyhound scan, as users run it.
const scan = best(runs, () => runNode([CLI, 'scan', tree, '--format', 'json', '--quiet']));
const report = JSON.parse(scan.stdout);
row('keyhound scan', { seconds: scan.seconds, bytes: report.stats.bytes, rss: scan.rss, note: `${report.findings.length} findings` });
if (planted) {
  const found = new Set(report.findings.map((f) => f.path));
  const missed = planted.planted.filter((p) => !found.has(p.path));
  const extra = report.findings.filter((f) => !planted.planted.some((p) => p.path === f.path));
  console.log(`${''.padEnd(44)} planted ${planted.planted.length}, found ${planted.planted.length - missed.length}, findings elsewhere ${extra.length}${missed.length ? `; missed kinds: ${[...new Set(missed.map((m) => m.kind))].join(', ')}` : ''}`);
}

// 2. The naive baseline: every rule's regex over every file.
const naive = best(1, () => runNode([path.join('bench', 'naive.mjs'), tree]));
const naiveResult = JSON.parse(naive.stdout);
row('naive: every regex over every file', { seconds: naiveResult.seconds, bytes: naiveResult.bytes, rss: naive.rss, note: `${naiveResult.rules} rules` });

// 3. The I/O ceiling.
const read = best(runs, () => runNode([path.join('bench', 'read.mjs'), tree]));
const readResult = JSON.parse(read.stdout);
row('plain read with Node (I/O ceiling)', { seconds: readResult.seconds, bytes: readResult.bytes, rss: read.rss, note: 'reading time only' });

const scanRate = mib(report.stats.bytes) / scan.seconds;
console.log(`\nratios: scan / naive = ${(scanRate / (mib(naiveResult.bytes) / naiveResult.seconds)).toFixed(1)}x, scan / read ceiling = ${((scanRate / (mib(readResult.bytes) / readResult.seconds)) * 100).toFixed(0)}%`);
