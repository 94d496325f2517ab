// The cost of the decode stage: the same files scanned by the engine with
// decoding off (--decode-depth 0) and on (the default, 2), in one thread, from
// memory, so the ratio is the engine's own CPU cost; then the CLI both ways.
// Compare ratios, not absolute numbers (these machines are noisy).
//
//   node bench/decode.mjs [--tree PATH] [--mb 50] [--runs 3]
//   (without --tree: the generated tree of bench/generate.mjs)
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fg from 'fast-glob';
import { Engine, builtinRules } from '../dist/lib/index.js';
import { generate } from './generate.mjs';
import { CLI, mib, runNode } from './measure.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(option('--runs', '3'));
let tree = option('--tree');
if (!tree) {
  const mb = Number(option('--mb', '50'));
  tree = path.join(os.tmpdir(), `keyhound-bench-decode-${mb}`);
  generate(tree, { mb, seed: 1 });
}

const files = fg.sync('**', { cwd: tree, absolute: true, dot: true, ignore: ['**/.git/**', '**/.planted.json'] });
const texts = [];
let bytes = 0;
for (const file of files) {
  const buffer = readFileSync(file);
  if (buffer.length > 10 * 1024 * 1024 || buffer.subarray(0, 8192).includes(0)) continue;
  texts.push({ text: buffer.toString('utf8'), path: path.relative(tree, file) });
  bytes += buffer.length;
}
console.log(
  `tree: ${tree} (${texts.length} text files, ${mib(bytes).toFixed(1)} MiB); machine: ${os.availableParallelism()} cores, node ${process.version}\n`,
);

/**
 * Both engines scan each file in turn (alternating which goes first), timed per
 * file, so load from other processes falls on both alike; best of `runs` totals.
 */
async function engineRuns() {
  const off = new Engine(builtinRules(), { decode: 0 });
  const on = new Engine(builtinRules(), { decode: 2 });
  await off.prepare();
  await on.prepare();
  const best = { off: Infinity, on: Infinity };
  const counts = { off: 0, on: 0, decoded: 0 };
  for (let run = 0; run <= runs; run++) {
    const total = { off: 0, on: 0 };
    counts.off = counts.on = counts.decoded = 0;
    texts.forEach(({ text, path: file }, index) => {
      const order = index % 2 === 0 ? ['off', 'on'] : ['on', 'off'];
      for (const which of order) {
        const engine = which === 'off' ? off : on;
        const started = process.hrtime.bigint();
        const { findings } = engine.scan({ text, origin: { path: file } });
        total[which] += Number(process.hrtime.bigint() - started) / 1e9;
        counts[which] += findings.length;
        if (which === 'on') counts.decoded += findings.filter((f) => f.decoded).length;
      }
    });
    // Run 0 warms up (JIT, the BPE vocabulary) and is not counted.
    if (run > 0) for (const which of ['off', 'on']) best[which] = Math.min(best[which], total[which]);
  }
  return {
    off: { seconds: best.off, findings: counts.off },
    on: { seconds: best.on, findings: counts.on, decoded: counts.decoded },
  };
}

const line = (label, r, note) =>
  console.log(`${label.padEnd(40)} ${r.seconds.toFixed(2).padStart(6)} s ${(mib(bytes) / r.seconds).toFixed(1).padStart(7)} MB/s  ${note}`);

const { off, on } = await engineRuns();
line('engine, one thread, decoding off', off, `${off.findings} findings`);
line('engine, one thread, decoding on (depth 2)', on, `${on.findings} findings, ${on.decoded} inside encoded text`);
console.log(`${''.padEnd(40)} cost of decoding: ${(on.seconds / off.seconds).toFixed(3)}x the time of the same scan without it\n`);

const cli = (depth) => runNode([CLI, 'scan', tree, '--format', 'json', '--quiet', '--decode-depth', String(depth)]);
let cliOff;
let cliOn;
for (let i = 0; i < runs; i++) {
  const a = cli(0);
  const b = cli(2);
  if (!cliOff || a.seconds < cliOff.seconds) cliOff = a;
  if (!cliOn || b.seconds < cliOn.seconds) cliOn = b;
}
const count = (r) => JSON.parse(r.stdout).findings.length;
line('keyhound scan, decoding off', cliOff, `${count(cliOff)} findings`);
line('keyhound scan, decoding on', cliOn, `${count(cliOn)} findings`);
console.log(`${''.padEnd(40)} cost of decoding: ${(cliOn.seconds / cliOff.seconds).toFixed(3)}x wall time`);
