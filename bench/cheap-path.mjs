// How fast the cheap path stays on text built against it. The cheap rules
// (src/detect/compile.ts, isCheap) run outside the time budget, so their worst
// input bounds how long a chunk can take whatever the budget says. The engine
// with every built-in rule scans, with a budget of 1 ms (so the budgeted part
// stops at once and what is timed is the keyword pass and the cheap path),
// inputs built from each cheap rule's keywords: the keyword repeated, and the
// keyword before a run of token characters as long as the rule's longest
// match (each hit scans that far, then fails). Prints the slowest in MB/s; a
// 16 MiB piece at the slowest rate is the longest any chunk's cheap path takes.
//   npm run build && node bench/cheap-path.mjs [--mb 1] [--top 10]
import { Engine, builtinRules } from '../dist/lib/index.js';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const size = Number(option('--mb', '1')) * 1024 * 1024;
const top = Number(option('--top', '10'));

const RUN = 'aZ09bY18cX27dW36eV45fU54gT63hS72iR81jQ90kP';
const fill = (unit) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const run = (length) => RUN.repeat(Math.ceil(length / RUN.length)).slice(0, length);

const rules = builtinRules();
const engine = new Engine(rules, { budgetMs: 1, decode: 0 });
const cheap = engine.rules.filter((rule) => rule.cheap);
const inputs = new Map();
for (const rule of cheap) {
  const longest = rule.spec.analysis?.maxMatchLength ?? 256;
  for (const keyword of rule.spec.keywords) {
    inputs.set(`"${keyword}" repeated`, () => fill(keyword));
    inputs.set(`"${keyword}" before a ${longest}-character run`, () => fill(`${keyword}${run(longest)} `));
  }
}

const cases = [];
let totalBytes = 0;
let totalMs = 0;
for (const [name, make] of inputs) {
  const text = make();
  const started = performance.now();
  try {
    engine.scan({ text, origin: { path: 'cheap.txt' } });
  } catch (error) {
    if (error?.name !== 'ScanTimeoutError') throw error;
  }
  const ms = performance.now() - started;
  totalBytes += text.length;
  totalMs += ms;
  cases.push({ name, ms, rate: text.length / 1048576 / (ms / 1000) });
}
cases.sort((a, b) => a.rate - b.rate);
console.log(`${cheap.length} cheap rules of ${engine.rules.length}; ${cases.length} inputs of ${(size / 1048576).toFixed(1)} MiB`);
console.log(
  `overall ${(totalBytes / 1048576 / (totalMs / 1000)).toFixed(0)} MB/s; slowest (a 16 MiB piece at the slowest: ${((16 / cases[0].rate) * 1).toFixed(1)} s):`,
);
for (const c of cases.slice(0, top)) console.log(`  ${c.rate.toFixed(1).padStart(8)} MB/s  ${c.ms.toFixed(0).padStart(6)} ms  ${c.name}`);
