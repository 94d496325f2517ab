// The naive baseline: every rule's regex over every whole file, no prefilter,
// no windows, no filters. Runs in its own process so its memory is its own.
//   node bench/naive.mjs DIR
import { readFileSync } from 'node:fs';
import fg from 'fast-glob';
import { builtinRules } from '../dist/lib/index.js';

const dir = process.argv[2];
const rules = builtinRules().map((rule) => new RegExp(rule.pattern, `${rule.flags ?? ''}g`));
const files = fg.sync('**', { cwd: dir, absolute: true, dot: true });
let bytes = 0;
let matches = 0;
const started = process.hrtime.bigint();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  bytes += text.length;
  for (const regex of rules) {
    regex.lastIndex = 0;
    while (regex.exec(text)) matches++;
  }
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify({ seconds, bytes, matches, files: files.length, rules: rules.length }));
