// `npm run bench`: keyhound's speed next to baselines measured in the same run
// (these machines are noisy; compare ratios, not absolute numbers).
//
//   npm run bench [-- --mb 200] [-- --tree PATH] [-- --runs 2] [-- --commits 12000,40000] [-- --skip rg,real,git,decode]
//
// 0. real source (bench/real.mjs): git's C sources, /usr/lib/python3 and a copy of
//    node_modules, each next to the ripgrep anchor of ../shared/bench, with a
//    golden check of findings for 1 and 2 threads
// 1. keyhound scan on all cores and on one, over a generated source tree (or --tree),
//    and on a small keyword-dense stress tree
// 2. the naive baseline: every rule's regex over every file
// 3. the I/O ceiling: plain reading with Node
// 4. ripgrep with keyhound's own rules (on a sample; see bench/ripgrep.mjs)
// 5. keyhound git over generated histories of 12,000 and 40,000 commits, each next
//    to `git log -p --all -U0` (the 40,000 one takes about 4 minutes to generate
//    the first time; it is cached in bench/.data), and over real history
//    (../shared/history/git-since-2022.git when present, or --real-history PATH)
// 6. start-up: `keyhound staged` on a 5-file commit, `keyhound scan` of one small file
// 7. the cost of decoding (bench/decode.mjs)
// (and, after 4, where one thread's time goes: bench/profile.mjs)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate, GENERATOR_VERSION } from './generate.mjs';
import { benchGit } from './git.mjs';
import { best, CLI, mib, ROOT, row, runCommand, runNode } from './measure.mjs';
import { ripgrep } from './ripgrep.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const mb = Number(option('--mb', '200'));
const runs = Number(option('--runs', '2'));
const skip = new Set((option('--skip', '') ?? '').split(',').filter(Boolean));
const cores = os.availableParallelism();
const results = {};

let tree = option('--tree');
let planted;
if (!tree) {
  tree = path.join(os.tmpdir(), `keyhound-bench-tree-${mb}`);
  const manifestFile = path.join(tree, '.planted.json');
  const manifest = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : undefined;
  planted = manifest && manifest.mb === mb && manifest.version === GENERATOR_VERSION ? manifest : generate(tree, { mb, seed: 1 });
  console.log(`tree: ${tree} (${planted.files} files, ${mib(planted.bytes).toFixed(0)} MiB, ${planted.planted.length} planted secrets)`);
} else {
  console.log(`tree: ${tree}`);
}
console.log(
  `machine: ${cores} cores, node ${process.version}, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}\n`,
);

// 0. Real source next to the ripgrep anchor (bench/real.mjs prints its own table).
if (!skip.has('real') && spawnSync('rg', ['--version']).status === 0) {
  console.log('real source, next to the ripgrep anchor (bench/real.mjs):');
  const real = spawnSync(process.execPath, [path.join(ROOT, 'bench', 'real.mjs'), '--rounds', String(runs)], {
    encoding: 'utf8',
    cwd: ROOT,
    maxBuffer: 64 << 20,
  });
  console.log(`${real.stdout}${real.status === 0 ? '' : real.stderr}`);
}

// 1. keyhound scan, as users run it.
function scanWith(threads) {
  const run = best(runs, () => runNode([CLI, 'scan', tree, '--format', 'json', '--quiet', '--threads', String(threads)]));
  const report = JSON.parse(run.stdout);
  return { ...run, report, rate: mib(report.stats.bytes) / run.seconds };
}
const scanAll = scanWith(cores);
const scanOne = scanWith(1);
row(`keyhound scan, ${cores} threads`, {
  seconds: scanAll.seconds,
  bytes: scanAll.report.stats.bytes,
  rss: scanAll.rss,
  note: `${scanAll.report.findings.length} findings`,
});
row('keyhound scan, 1 thread', { seconds: scanOne.seconds, bytes: scanOne.report.stats.bytes, rss: scanOne.rss });
const sameOutput = JSON.stringify(scanAll.report.findings) === JSON.stringify(scanOne.report.findings);
console.log(`${''.padEnd(44)} output identical for 1 and ${cores} threads: ${sameOutput}`);
if (planted) {
  const found = new Set(scanAll.report.findings.map((f) => f.path));
  const missed = planted.planted.filter((p) => !found.has(p.path));
  const extra = scanAll.report.findings.filter((f) => !planted.planted.some((p) => p.path === f.path));
  console.log(
    `${''.padEnd(44)} planted ${planted.planted.length}, found ${planted.planted.length - missed.length}, findings elsewhere ${extra.length}${missed.length ? `; missed kinds: ${[...new Set(missed.map((m) => m.kind))].join(', ')}` : ''}`,
  );
}
results.scan = { threads: cores, mbPerSecond: scanAll.rate, oneThreadMbPerSecond: scanOne.rate, rss: scanAll.rss, sameOutput };

// What this machine's cores give side by side: the tree's folders in two
// halves, each scanned by its own one-thread process, both at once. Running
// together costs each some speed (shared caches and memory); this is the
// best a scan on all cores could do here, with no pool overhead at all.
if (cores >= 2) {
  const folders = readdirSync(tree, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const halves = [folders.filter((_f, i) => i % 2 === 0), folders.filter((_f, i) => i % 2 === 1)];
  const quote = (text) => `'${text.replace(/'/g, `'\\''`)}'`;
  const one = (half) =>
    `${quote(process.execPath)} ${quote(CLI)} scan ${half.map((f) => quote(path.join(tree, f))).join(' ')} --format json --quiet --threads 1 > /dev/null`;
  const pair = best(runs, () => runCommand('sh', ['-c', `${one(halves[0])} & ${one(halves[1])}; wait`]));
  row('two 1-thread processes, a half each, at once', {
    seconds: pair.seconds,
    bytes: scanOne.report.stats.bytes,
    note: "the cores' bound, no pool",
  });
  results.scan.sideBySideMbPerSecond = mib(scanOne.report.stats.bytes) / pair.seconds;
}

// A stress tree: the words secret rules key on in most lines (16x real code's
// density, see generate.mjs). Not a target; it shows the worst case's cost.
if (!option('--tree')) {
  const denseTree = path.join(os.tmpdir(), 'keyhound-bench-dense-30');
  const denseFile = path.join(denseTree, '.planted.json');
  const denseManifest = existsSync(denseFile) ? JSON.parse(readFileSync(denseFile, 'utf8')) : undefined;
  if (!(denseManifest && denseManifest.version === GENERATOR_VERSION && denseManifest.dense))
    generate(denseTree, { mb: 30, seed: 1, dense: true });
  const dense = best(runs, () => runNode([CLI, 'scan', denseTree, '--format', 'json', '--quiet', '--threads', String(cores)]));
  const denseBytes = JSON.parse(dense.stdout).stats.bytes;
  row(`keyhound scan, keyword-dense 30 MiB tree`, {
    seconds: dense.seconds,
    bytes: denseBytes,
    rss: dense.rss,
    note: `stress, ${cores} threads`,
  });
  results.scan.denseMbPerSecond = mib(denseBytes) / dense.seconds;
}

// 2. The naive baseline: every rule's regex over every file.
const naive = runNode([path.join('bench', 'naive.mjs'), tree]);
const naiveResult = JSON.parse(naive.stdout);
row('naive: every regex over every file', {
  seconds: naiveResult.seconds,
  bytes: naiveResult.bytes,
  rss: naive.rss,
  note: `${naiveResult.rules} rules, one thread`,
});
const naiveRate = mib(naiveResult.bytes) / naiveResult.seconds;

// 3. The I/O ceiling.
const read = best(runs, () => runNode([path.join('bench', 'read.mjs'), tree]));
const readResult = JSON.parse(read.stdout);
row('plain read with Node (I/O ceiling)', {
  seconds: readResult.seconds,
  bytes: readResult.bytes,
  rss: read.rss,
  note: 'reading time only',
});
const readRate = mib(readResult.bytes) / readResult.seconds;

// 4. ripgrep with the same rules.
let rgRate;
if (!skip.has('rg') && spawnSync('rg', ['--version']).status === 0) {
  const rg = ripgrep(tree);
  rgRate = mib(rg.bytes) / rg.seconds;
  row(`ripgrep, ${rg.patterns} rule regexes, all cores`, {
    seconds: rg.seconds,
    bytes: rg.bytes,
    note: `${mib(rg.bytes).toFixed(0)} MiB sample, ${rg.batches} batches, ${rg.rejected} patterns rg rejects${rg.timedOut ? ', TIMED OUT (a lower bound)' : ''}`,
  });
} else if (!skip.has('rg')) {
  console.log('ripgrep: not installed, skipped (apt-get install ripgrep)');
}

console.log(`\nratios (targets in brackets):`);
console.log(`  scan (${cores} threads) / naive          ${(results.scan.mbPerSecond / naiveRate).toFixed(1)}x`);
if (rgRate) console.log(`  scan / ripgrep, same rules          ${(results.scan.mbPerSecond / rgRate).toFixed(1)}x   [>= 3x]`);
console.log(`  scan / plain-read ceiling           ${((results.scan.mbPerSecond / readRate) * 100).toFixed(0)}%   [>= 40%]`);
console.log(
  `  ${cores} threads / 1 thread               ${(results.scan.mbPerSecond / results.scan.oneThreadMbPerSecond).toFixed(2)}x${results.scan.sideBySideMbPerSecond ? `   (two 1-thread processes side by side: ${(results.scan.sideBySideMbPerSecond / results.scan.oneThreadMbPerSecond).toFixed(2)}x)` : ''}`,
);
console.log(`  peak RSS                            ${mib(Math.max(scanAll.rss, scanOne.rss)).toFixed(0)} MB   [< 300 MB]`);

// Where one thread's time goes (bench/profile.mjs).
console.log('\nwhere time goes, one thread:');
const profile = spawnSync(process.execPath, [path.join(ROOT, 'bench', 'profile.mjs'), tree], { encoding: 'utf8', cwd: ROOT });
console.log(
  profile.stdout
    .trimEnd()
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n'),
);

// 5. History.
if (!skip.has('git')) {
  // Two sizes: keyhound's fixed costs (start-up, compiling rules, V8 warming
  // up: about 0.3 s) weigh on a short history and fade on a long one.
  results.git = [];
  for (const commits of option('--commits', '12000,40000').split(',').map(Number)) {
    console.log(`\nhistory, ${commits} commits:`);
    results.git.push(await benchGit({ commits, runs, log: (line) => console.log(`  ${line}`) }));
  }
  // Real, merge-heavy history (git/git since 2022-06; ../shared/history/README.md), when this checkout has it beside it.
  const real =
    option('--real-history') ??
    [
      path.join(ROOT, '..', 'shared', 'history', 'git-since-2022.git'),
      path.join(ROOT, '..', '..', 'shared', 'history', 'git-since-2022.git'),
    ].find((candidate) => existsSync(candidate));
  if (real) {
    console.log(`\nhistory, real: ${real}`);
    results.git.push(await benchGit({ repo: real, runs, log: (line) => console.log(`  ${line}`) }));
  } else console.log('\nhistory, real: ../shared/history/git-since-2022.git not found (or give --real-history PATH); skipped');
}

// 6. Start-up: small jobs, wall time including Node's start.
console.log('\nstart-up (wall time, including Node start; best and mean of 10):');
const work = mkdtempSync(path.join(os.tmpdir(), 'keyhound-bench-start-'));
const git = (...gitArgs) => spawnSync('git', gitArgs, { cwd: work, encoding: 'utf8' });
git('init', '-q');
git('config', 'user.email', 'bench@example.org');
git('config', 'user.name', 'bench');
mkdirSync(path.join(work, 'src'));
for (let i = 0; i < 5; i++)
  writeFileSync(
    path.join(work, 'src', `file${i}.js`),
    Array.from({ length: 300 }, (_, n) => `export const value${n} = compute(${n}); // line ${n}`).join('\n'),
  );
git('add', '.');
git('commit', '-qm', 'initial');
for (let i = 0; i < 5; i++)
  writeFileSync(
    path.join(work, 'src', `file${i}.js`),
    `${readFileSync(path.join(work, 'src', `file${i}.js`), 'utf8')}\nexport const added${i} = settings.token;\n`,
  );
git('add', '.');
function timeOf(command) {
  const times = Array.from({ length: 10 }, () => runNode(command, { cwd: work }).seconds);
  return { best: Math.min(...times), mean: times.reduce((a, b) => a + b, 0) / times.length };
}
const node = timeOf(['-e', '0']);
const staged = timeOf([CLI, 'staged']);
const small = timeOf([CLI, 'scan', path.join(work, 'src', 'file0.js')]);
for (const [label, t] of [
  ['node -e 0 (Node start alone)', node],
  ['keyhound staged, 5-file commit', staged],
  ['keyhound scan, one small file', small],
]) {
  console.log(`  ${label.padEnd(42)} best ${(t.best * 1000).toFixed(0).padStart(4)} ms, mean ${(t.mean * 1000).toFixed(0).padStart(4)} ms`);
}
console.log(`  staged under 300 ms: ${staged.mean < 0.3 ? 'yes' : 'NO'}`);
rmSync(work, { recursive: true, force: true });

// 7. Decoding cost.
if (!skip.has('decode')) {
  console.log('\ndecoding:');
  const decode = spawnSync(process.execPath, [path.join(ROOT, 'bench', 'decode.mjs'), '--tree', tree, '--runs', '1'], {
    encoding: 'utf8',
    cwd: ROOT,
    maxBuffer: 64 << 20,
  });
  console.log(
    decode.stdout
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  );
}
