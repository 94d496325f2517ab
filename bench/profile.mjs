// Where scanning time goes, phase by phase, on one thread: listing, reading,
// turning bytes into text, the keyword prefilter, regexes, filters, decoding
// and rendering the report. Compare shares, not absolute numbers.
//   node bench/profile.mjs TREE [--cpu]
// --cpu: every phase in CPU time of this process (getrusage) instead of wall
// time, for a machine shared with other work, where wall time also counts the
// time others ran.
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { Engine, builtinRules, render } from '../dist/lib/index.js';

const tree = process.argv[2];
if (process.argv.includes('--cpu')) {
  // The engine's own phase timings read performance.now(): they follow too.
  performance.now = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
}
if (!tree) {
  console.error('usage: node bench/profile.mjs TREE');
  process.exit(2);
}
const timings = { prefilter: 0, decode: 0, regex: 0, filters: 0 };
const engine = new Engine(builtinRules(), { timings });
await engine.prepare();
const phases = { list: 0, read: 0, text: 0, report: 0 };
let clock = performance.now();
const lap = (phase) => {
  const now = performance.now();
  phases[phase] += now - clock;
  clock = now;
};
const files = fg.sync('**', { cwd: tree, absolute: true, dot: true, ignore: ['**/.git/**', '**/node_modules/**'] });
lap('list');
const findings = [];
let bytes = 0;
for (const file of files) {
  const buffer = readFileSync(file);
  lap('read');
  if (buffer.subarray(0, 8192).includes(0) || buffer.length > 10 * 1024 * 1024) continue;
  const text = buffer.toString(isUtf8(buffer) ? 'utf8' : 'latin1');
  bytes += buffer.length;
  lap('text');
  const chunk = { text, origin: { path: path.relative(tree, file) } };
  // As a file scan does (src/scan/task.ts): bytes that are one a character stand for the text in the keyword pass.
  if (text.length === buffer.length) chunk.bytes = buffer;
  findings.push(...engine.scan(chunk).findings);
  clock = performance.now();
}
render({ findings, suppressed: [], stats: { files: files.length, bytes, skipped: {}, durationMs: 0 } }, { format: 'sarif' });
lap('report');
const all = { list: phases.list, read: phases.read, 'bytes to text': phases.text, ...timings, report: phases.report };
const total = Object.values(all).reduce((a, b) => a + b, 0);
console.log(
  `${files.length} files, ${(bytes / 1048576).toFixed(1)} MiB, ${findings.length} findings, ${(total / 1000).toFixed(2)} s on one thread`,
);
for (const [phase, ms] of Object.entries(all))
  console.log(`  ${phase.padEnd(14)} ${ms.toFixed(0).padStart(7)} ms  ${((ms / total) * 100).toFixed(1).padStart(5)}%`);
