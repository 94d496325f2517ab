// Two builds of keyhound on the same tree, interleaved, timed by the CPU
// time each process used (user + system, all threads). On a shared, loaded
// machine wall time swings by half between identical runs; CPU time far less.
//   node bench/compare.mjs --before OLD/dist/cli/keyhound.js --after dist/cli/keyhound.js \
//     --tree /tmp/keyhound-bench-tree-200 [--rounds 8] [--threads 1] [-- extra scan args]
// Build the old one from a checkout of the commit to compare against (npm ci && npm run build there).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const dashes = args.indexOf('--');
const own = dashes < 0 ? args : args.slice(0, dashes);
const extra = dashes < 0 ? [] : args.slice(dashes + 1);
const option = (name, fallback) => (own.includes(name) ? own[own.indexOf(name) + 1] : fallback);
const clis = { before: option('--before'), after: option('--after') };
const tree = option('--tree');
const rounds = Number(option('--rounds', '8'));
const threads = option('--threads', '1');
if (!clis.before || !clis.after || !tree) {
  console.error('usage: node bench/compare.mjs --before CLI --after CLI --tree DIR [--rounds N] [--threads N] [-- scan args]');
  process.exit(2);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'keyhound-compare-'));
const preload = path.join(dir, 'cpu.mjs');
const cpuFile = path.join(dir, 'cpu');
writeFileSync(
  preload,
  "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { const u = process.cpuUsage(); writeFileSync(process.env.KEYHOUND_CPU_FILE, String((u.user + u.system) / 1e6)); });\n",
);
const seconds = { before: [], after: [] };
const outputs = {};
for (let round = 0; round < rounds; round++) {
  for (const name of round % 2 ? ['after', 'before'] : ['before', 'after']) {
    const run = spawnSync(
      process.execPath,
      ['--import', preload, clis[name], 'scan', tree, '--format', 'json', '--quiet', '--threads', threads, ...extra],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
        env: { ...process.env, KEYHOUND_CPU_FILE: cpuFile },
      },
    );
    seconds[name].push(Number(readFileSync(cpuFile, 'utf8')));
    const report = JSON.parse(run.stdout);
    outputs[name] =
      `${report.stats.files} files, ${report.stats.bytes} bytes, ${report.findings.length} findings, skipped ${JSON.stringify(report.stats.skipped)}`;
  }
}
rmSync(dir, { recursive: true, force: true });
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const best = (list) => Math.min(...list);
for (const name of ['before', 'after'])
  console.log(`${name.padEnd(6)} ${outputs[name]}; CPU s: ${seconds[name].map((s) => s.toFixed(2)).join(' ')}`);
console.log(
  `after/before CPU time: median ${(median(seconds.after) / median(seconds.before)).toFixed(3)}, best ${(best(seconds.after) / best(seconds.before)).toFixed(3)}`,
);
