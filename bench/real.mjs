// keyhound on real source next to the ripgrep anchor (../shared/bench/README.md),
// interleaved in one session, by wall time and by CPU time (user + system, all
// threads; on a shared machine wall time also counts what others ran).
//
//   node bench/real.mjs [--trees git,python,node_modules|DIR,...] [--rounds 3] [--before OLD/dist/cli/keyhound.js] [--cli dist/cli/keyhound.js] [--shared DIR]
//
// Trees (made once under $TMPDIR/keyhound-bench-real):
//   git           a clone of ../shared/history/git-since-2022.git (git's C sources, work tree and .git)
//   python        /usr/lib/python3 (source and .pyc)
//   node_modules  a copy of this project's node_modules (its lockfile's packages: typescript, esbuild,
//                 prettier, eslint, ...): JavaScript, type declarations, native binaries
// For each tree: ripgrep with the anchor's 90 patterns on 2 threads and on 1, `keyhound scan` (default
// options, SARIF to /dev/null) on 2 threads and on 1, and `--before`'s build on 2 threads if given.
// Golden check: the findings (and dropped candidates, --explain) of 1 and 2 threads, and of --before,
// must be the same.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI as BUILT, ROOT } from './measure.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const rounds = Number(option('--rounds', '3'));
const before = option('--before');
// A copy of a build keeps a long run from measuring two builds when dist/ is rebuilt meanwhile.
const CLI = path.resolve(option('--cli', BUILT));
/** ../shared beside the checkout (worktrees sit a level deeper: the nearest one up the path), or --shared. */
function sharedDir() {
  if (option('--shared')) return path.resolve(option('--shared'));
  for (let dir = path.dirname(ROOT); dir !== path.dirname(dir); dir = path.dirname(dir))
    if (existsSync(path.join(dir, 'shared', 'bench', 'patterns.tsv'))) return path.join(dir, 'shared');
  throw new Error('no ../shared/bench/patterns.tsv above this checkout: pass --shared DIR');
}
const shared = sharedDir();
const home = path.join(os.tmpdir(), 'keyhound-bench-real');
mkdirSync(home, { recursive: true });

/** Where each named tree is, made on first use. */
function tree(name) {
  if (name === 'python') return '/usr/lib/python3';
  if (name === 'git') {
    const dir = path.join(home, 'git');
    if (!existsSync(dir)) run('git', ['clone', '-q', path.join(shared, 'history', 'git-since-2022.git'), dir]);
    return dir;
  }
  if (name === 'node_modules') {
    const dir = path.join(home, 'node_modules');
    if (!existsSync(dir)) cpSync(path.join(ROOT, 'node_modules'), dir, { recursive: true, verbatimSymlinks: true });
    return dir;
  }
  return path.resolve(name);
}

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { encoding: 'utf8', maxBuffer: 1 << 29 });
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${commandArgs.join(' ')}: ${result.stderr}`);
  return result;
}

// The anchor's patterns, as ../shared/bench/README.md turns them into a ripgrep pattern file.
const patterns = path.join(home, 'patterns.rg');
writeFileSync(
  patterns,
  `${readFileSync(path.join(shared, 'bench', 'patterns.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t')[2].replace(/^\(\?i\)(.*)$/, '(?i:$1)'))
    .join('\n')}\n`,
);

/** Wall seconds, CPU seconds of the process and its threads and children, peak RSS (MB), stdout. */
function timed(command, commandArgs) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'keyhound-real-'));
  const out = path.join(dir, 'time');
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S %M', '-o', out, command, ...commandArgs], {
    encoding: 'utf8',
    maxBuffer: 1 << 29,
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const [user, system, rssKb] = readFileSync(out, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
  rmSync(dir, { recursive: true, force: true });
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} failed (${result.status}): ${result.stderr.slice(0, 400)}`);
  return { wall, cpu: user + system, rss: rssKb / 1024, stdout: result.stdout };
}

const rg = (dir, threads) => timed('rg', ['--no-config', '-uu', '--count-matches', '-j', String(threads), '-f', patterns, dir]);
const scan = (cli, dir, threads, format = 'sarif') =>
  timed(process.execPath, [
    cli,
    'scan',
    dir,
    '--threads',
    String(threads),
    '--format',
    format,
    ...(format === 'sarif' ? ['-o', '/dev/null'] : []),
    '-q',
  ]);

/** What must not change: findings and dropped candidates, with the run's own timing left out. */
function golden(cli, dir, threads) {
  const report = JSON.parse(scan(cli, dir, threads, 'json').stdout);
  const explained = JSON.parse(
    spawnSync(process.execPath, [cli, 'scan', dir, '--threads', String(threads), '--format', 'json', '--explain', '-q'], {
      encoding: 'utf8',
      maxBuffer: 1 << 29,
    }).stdout,
  );
  return JSON.stringify({
    findings: report.findings,
    suppressed: explained.suppressed ?? [],
    files: report.stats.files,
    bytes: report.stats.bytes,
  });
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const names = option('--trees', 'git,python,node_modules').split(',');
console.log(
  `machine: ${os.availableParallelism()} cores, node ${process.version}, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(`${rounds} rounds, interleaved; medians; ratios are keyhound's speed over ripgrep's (above 1: keyhound faster)\n`);
for (const name of names) {
  const dir = tree(name);
  const runs = { 'rg -j2': [], 'rg -j1': [], 'keyhound 2 threads': [], 'keyhound 1 thread': [] };
  if (before) runs['before, 2 threads'] = [];
  for (let round = 0; round < rounds; round++) {
    runs['rg -j2'].push(rg(dir, 2));
    runs['keyhound 2 threads'].push(scan(CLI, dir, 2));
    if (before) runs['before, 2 threads'].push(scan(before, dir, 2));
    runs['rg -j1'].push(rg(dir, 1));
    runs['keyhound 1 thread'].push(scan(CLI, dir, 1));
  }
  const stats = JSON.parse(scan(CLI, dir, 2, 'json').stdout).stats;
  console.log(`${name}: ${dir} (${stats.files} files, ${(stats.bytes / 1048576).toFixed(0)} MiB scanned as text)`);
  const summary = {};
  for (const [label, list] of Object.entries(runs)) {
    summary[label] = {
      wall: median(list.map((r) => r.wall)),
      cpu: median(list.map((r) => r.cpu)),
      rss: Math.max(...list.map((r) => r.rss)),
    };
    const s = summary[label];
    console.log(
      `  ${label.padEnd(20)} wall ${s.wall.toFixed(2).padStart(6)} s  CPU ${s.cpu.toFixed(2).padStart(6)} s  peak RSS ${s.rss.toFixed(0).padStart(4)} MB`,
    );
  }
  const ratio = (a, b, key) => (summary[b][key] / summary[a][key]).toFixed(2);
  console.log(
    `  keyhound 2 threads / rg -j2: ${ratio('keyhound 2 threads', 'rg -j2', 'wall')}x wall, ${ratio('keyhound 2 threads', 'rg -j2', 'cpu')}x CPU   [>= 2x]`,
  );
  console.log(`  keyhound 2 threads / 1 thread: ${ratio('keyhound 2 threads', 'keyhound 1 thread', 'wall')}x wall   [>= 1x]`);
  if (before) console.log(`  keyhound / before, 2 threads: ${ratio('keyhound 2 threads', 'before, 2 threads', 'cpu')}x CPU`);
  console.log(`  peak RSS ${Math.max(summary['keyhound 2 threads'].rss, summary['keyhound 1 thread'].rss).toFixed(0)} MB   [< 300 MB]`);
  const two = golden(CLI, dir, 2);
  const same = [two === golden(CLI, dir, 1) ? 'same for 1 and 2 threads' : 'DIFFERENT for 1 and 2 threads'];
  if (before) same.push(two === golden(before, dir, 2) ? 'same as before' : 'DIFFERENT from before');
  console.log(`  findings and dropped candidates: ${same.join(', ')}\n`);
}
