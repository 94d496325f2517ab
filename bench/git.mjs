// History benchmark: `keyhound git` on a repository with thousands of commits,
// next to `git log -p --all -U0 > /dev/null` on the same repository, the
// floor every diff-based history scanner pays (gitleaks, trufflehog,
// Betterleaks). keyhound's full scan, findings attributed, should take less.
//
//   node bench/git.mjs [--commits 12000] [--runs 3] [--repo PATH] [--json]
//
// Without --repo a repository is generated reproducibly (bench/git-repo.mjs,
// git fast-import, cached under bench/.data/) with planted secrets whose
// introducing commits are known, and the benchmark checks each is found and
// attributed to that commit. With --repo PATH a local repository is scanned
// as it is (read only): real history, such as ../shared/history/git-since-2022.git
// (git/git since 2022-06, merge-heavy, shallow), which `npm run bench` runs
// when present. Runs alternate between the two commands and the best of each
// is reported (these machines are shared and noisy: compare ratios). Where
// /usr/bin/time exists, each run's CPU time (user + sys, git's included) and
// peak RSS (the largest process: Node or one of its gits) are measured too.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRepo } from './git-repo.mjs';
import { CLI, mib, ROOT, row, runCommand } from './measure.mjs';

const TIME = '/usr/bin/time';

/**
 * Runs a command, under /usr/bin/time when there is one: wall seconds, and
 * CPU seconds (user + sys of it and its children) and peak RSS (bytes, of
 * the largest process in the tree) when measured.
 */
function timed(command, args) {
  if (!existsSync(TIME)) return { ...runCommand(command, args), cpu: NaN, rss: NaN };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'keyhound-bench-time-'));
  const file = path.join(dir, 'time');
  try {
    const result = runCommand(TIME, ['-o', file, '-f', '%U %S %M', command, ...args]);
    const [user, sys, kb] = readFileSync(file, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    return { ...result, cpu: user + sys, rss: kb * 1024 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Keeps the best wall time and, apart, the least CPU time of several runs. */
function keepBest(best, run) {
  if (!best) return { ...run };
  return { ...(run.seconds < best.seconds ? run : best), cpu: Math.min(best.cpu, run.cpu), rss: Math.max(best.rss, run.rss) };
}

/** Facts about the history: commits, and the blobs in the repository with their bytes. */
function historyFacts(repo) {
  const commits = Number(spawnSync('git', ['rev-list', '--all', '--count'], { cwd: repo, encoding: 'utf8' }).stdout.trim());
  const check = spawnSync('git', ['cat-file', '--batch-all-objects', '--batch-check=%(objecttype) %(objectsize)'], {
    cwd: repo,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  let blobs = 0;
  let blobBytes = 0;
  for (const line of check.stdout.split('\n')) {
    const [type, size] = line.split(' ');
    if (type === 'blob') {
      blobs++;
      blobBytes += Number(size);
    }
  }
  return { commits, blobs, blobBytes };
}

/**
 * Runs the benchmark; returns the numbers. `log` prints progress lines.
 * Options: commits (generated repository size), runs, repo (a local repository instead), seed.
 */
export async function benchGit({ commits = 12_000, runs = 3, repo, seed = 42, log = console.log } = {}) {
  let planted;
  if (!repo) {
    const generated = await generateRepo({ cacheRoot: path.join(ROOT, 'bench', '.data'), commits, seed, log });
    repo = generated.dir;
    planted = generated.planted;
  }
  repo = path.resolve(repo);
  const facts = historyFacts(repo);
  log(`repository: ${repo}`);
  log(`history: ${facts.commits} commits, ${facts.blobs} unique blobs, ${mib(facts.blobBytes).toFixed(0)} MiB of blob content`);
  log(
    `machine: ${os.availableParallelism()} cores, node ${process.version}, ${spawnSync('git', ['--version'], { encoding: 'utf8' }).stdout.trim()}\n`,
  );

  const out = mkdtempSync(path.join(os.tmpdir(), 'keyhound-bench-git-'));
  const reportFile = path.join(out, 'report.json');
  let floor;
  let keyhound;
  try {
    for (let i = 0; i < runs; i++) {
      const f = timed('sh', ['-c', `git -C '${repo.replace(/'/g, `'\\''`)}' log -p --all -U0 > /dev/null`]);
      if (f.status !== 0) throw new Error(`git log -p failed: ${f.stderr}`);
      floor = keepBest(floor, f);
      // The planted secrets are fake, made by the generator: they may be compared whole.
      const k = timed(process.execPath, [
        CLI,
        'git',
        repo,
        '--format',
        'json',
        '--output',
        reportFile,
        '--quiet',
        ...(planted ? ['--no-redact'] : []),
      ]);
      if (k.status !== 0 && k.status !== 1) throw new Error(`keyhound git failed (${k.status}): ${k.stderr}`);
      // Each run's report: the best run's is kept with its time.
      keyhound = keepBest(keyhound, { ...k, report: JSON.parse(readFileSync(reportFile, 'utf8')) });
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }

  const { stats, findings } = keyhound.report;
  const cpu = (run) => (Number.isFinite(run.cpu) ? `; ${run.cpu.toFixed(1)} s CPU` : '');
  row('git log -p --all -U0 > /dev/null (floor)', {
    seconds: floor.seconds,
    rss: floor.rss,
    note: `diffs only, nothing scanned${cpu(floor)}`,
  });
  row('keyhound git (full history, attributed)', {
    seconds: keyhound.seconds,
    bytes: facts.blobBytes,
    rss: keyhound.rss,
    note: `${findings.length} findings; ${stats.partitions} git processes; ${stats.roots ?? 0} roots and ${stats.merges ?? 0} merges read apart${cpu(keyhound)}`,
  });
  const rates = {
    commitsPerSecond: facts.commits / keyhound.seconds,
    blobsPerSecond: stats.blobs / keyhound.seconds,
    historyMiBPerSecond: mib(facts.blobBytes) / keyhound.seconds,
    scannedMiBPerSecond: mib(stats.bytes) / keyhound.seconds,
  };
  log(
    `\nkeyhound: ${rates.commitsPerSecond.toFixed(0)} commits/s, ${rates.blobsPerSecond.toFixed(0)} blobs/s, ${rates.historyMiBPerSecond.toFixed(0)} MiB/s of history (${mib(stats.bytes).toFixed(1)} MiB of added lines scanned, ${rates.scannedMiBPerSecond.toFixed(1)} MiB/s)`,
  );
  const ratio = keyhound.seconds / floor.seconds;
  log(`keyhound / floor: ${ratio.toFixed(2)}x ${ratio < 1 ? '(faster than the floor)' : '(SLOWER than the floor)'}`);
  const cpuRatio = keyhound.cpu / floor.cpu;
  if (Number.isFinite(cpuRatio))
    log(
      `keyhound / floor, CPU time: ${cpuRatio.toFixed(2)}x; peak RSS ${mib(keyhound.rss).toFixed(0)} MB vs ${mib(floor.rss).toFixed(0)} MB`,
    );

  let attribution;
  if (planted) {
    const matches = planted.map((p) => findings.find((f) => f.secret === p.secret && f.path === p.path));
    const missed = planted.filter((_, i) => !matches[i]);
    const misattributed = planted.filter((p, i) => matches[i] && matches[i].commit !== p.commit);
    attribution = { planted: planted.length, found: planted.length - missed.length, misattributed: misattributed.length };
    log(`planted secrets: ${attribution.planted}, found ${attribution.found}, attributed to the wrong commit ${attribution.misattributed}`);
  }
  return {
    repo,
    facts,
    floor: { seconds: floor.seconds, cpu: floor.cpu, rss: floor.rss },
    keyhound: { seconds: keyhound.seconds, cpu: keyhound.cpu, rss: keyhound.rss, stats },
    rates,
    ratio,
    cpuRatio,
    attribution,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const json = args.includes('--json');
  const result = await benchGit({
    commits: Number(option('--commits', '12000')),
    runs: Number(option('--runs', '3')),
    repo: option('--repo'),
    log: json ? () => {} : console.log,
  });
  if (json) console.log(JSON.stringify(result, null, 2));
  if (result.attribution && (result.attribution.found < result.attribution.planted || result.attribution.misattributed > 0))
    process.exitCode = 1;
}
