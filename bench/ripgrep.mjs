// The grep-only bar: ripgrep running keyhound's own rule regexes, translated
// to one pattern file, over the same tree (no filters, no reporting).
// Translation to Rust's regex syntax: lookarounds are dropped (they only check
// boundaries), named groups become plain groups, flags become (?i:...) groups.
// Patterns ripgrep still rejects are counted and left out.
//   node bench/ripgrep.mjs TREE   (prints JSON)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import fg from 'fast-glob';
import os from 'node:os';
import path from 'node:path';
import { RegExpParser, visitRegExpAST } from '@eslint-community/regexpp';
import { builtinRules } from '../dist/lib/index.js';

const parser = new RegExpParser({ ecmaVersion: 2025 });

export function toRust(pattern, flags = '') {
  const ast = parser.parsePattern(pattern, 0, pattern.length, { unicode: flags.includes('u') });
  const cuts = [];
  visitRegExpAST(ast, {
    onAssertionEnter(node) {
      if (node.kind === 'lookahead' || node.kind === 'lookbehind') cuts.push([node.start, node.end]);
    },
  });
  cuts.sort((a, b) => b[0] - a[0]);
  let out = pattern;
  let lastStart = Infinity;
  for (const [start, end] of cuts) {
    if (end > lastStart) continue; // nested inside a cut already made
    out = out.slice(0, start) + out.slice(end);
    lastStart = start;
  }
  // rg joins all patterns into one regex, where names would clash: captures are not needed.
  out = out.replace(/\(\?<([A-Za-z][A-Za-z0-9_]*)>/g, '(?:');
  const inline = [...flags].filter((f) => 'ism'.includes(f)).join('');
  return inline ? `(?${inline}:${out})` : out;
}

/**
 * ripgrep cannot compile all our rules as one regex (its size limits, and
 * PCRE2's, are exceeded), so it runs them in batches of 50, each a full pass
 * over the files, with raised limits; the times add up. Even so it is slow, so
 * it runs on a sample of the tree (the first files in path order, about
 * `sampleMb`), and MB/s is measured on that sample.
 */
export function ripgrep(tree, { sampleMb = 4, batch = 50, timeoutSeconds = 600 } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'keyhound-rg-'));
  const accepted = [];
  let rejected = 0;
  for (const rule of builtinRules()) {
    const pattern = toRust(rule.pattern, rule.flags);
    const check = spawnSync('rg', ['--quiet', '--regex-size-limit', '1G', '-e', pattern, '/dev/null']);
    if (check.status === 2) rejected++;
    else accepted.push(pattern);
  }
  const files = [];
  let bytes = 0;
  for (const file of fg.sync('**', { cwd: tree, absolute: true, dot: true }).sort()) {
    if (bytes >= sampleMb * 1048576) break;
    files.push(file);
    bytes += statSync(file).size;
  }
  let seconds = 0;
  let matches = 0;
  let timedOut = false;
  for (let i = 0; i < accepted.length; i += batch) {
    const file = path.join(dir, `patterns-${i}.txt`);
    writeFileSync(file, `${accepted.slice(i, i + batch).join('\n')}\n`);
    const started = process.hrtime.bigint();
    const run = spawnSync(
      'rg',
      [
        '--no-ignore',
        '--hidden',
        '--count-matches',
        '--no-messages',
        '--no-filename',
        '--regex-size-limit',
        '1G',
        '--dfa-size-limit',
        '1G',
        '-f',
        file,
        ...files,
      ],
      {
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        timeout: timeoutSeconds * 1000,
      },
    );
    seconds += Number(process.hrtime.bigint() - started) / 1e9;
    if (run.error) timedOut = true;
    matches += (run.stdout ?? '')
      .split('\n')
      .filter(Boolean)
      .reduce((n, line) => n + Number(line), 0);
  }
  return {
    seconds,
    bytes,
    files: files.length,
    patterns: accepted.length,
    rejected,
    batches: Math.ceil(accepted.length / batch),
    matches,
    timedOut,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(ripgrep(process.argv[2])));
}
