import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMAT_NAMES } from '../../src/report/index.js';
import { runAction } from '../helpers/action.js';
import { CLI, ROOT } from '../helpers/cli.js';
import { pullFilesFromGit, spawnAsync } from '../helpers/github-repos.js';
import { FakeGitHub } from '../helpers/github-server.js';
import { SeededTokens } from '../helpers/seeded.js';
import { writeTree } from '../helpers/tmp.js';

/**
 * Golden outputs: every scanning command, in every format, over one fixture
 * made from seeded fake tokens, compared byte for byte (after normalising
 * temp paths and timings) with the files in test/golden/. A change in any
 * output shows up here as a diff to review; `UPDATE_GOLDEN=1 npx vitest run
 * test/cli/golden.test.ts` rewrites them when the change is intended.
 */
const GOLDEN = path.join(ROOT, 'test', 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const FORMATS = FORMAT_NAMES;

const tokens = new SeededTokens(20261207);
const secrets = {
  github: tokens.github(),
  awsId: tokens.awsKeyId(),
  awsSecret: tokens.awsSecret(),
  slack: `xoxb-${tokens.from('0123456789', 12)}-${tokens.from('0123456789', 12)}-${tokens.base62(24)}`,
  password: tokens.base62(18),
};

const GIT_ENV = {
  PATH: process.env.PATH,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Ada Lovelace',
  GIT_AUTHOR_EMAIL: 'ada@example.com',
  GIT_COMMITTER_NAME: 'Ada Lovelace',
  GIT_COMMITTER_EMAIL: 'ada@example.com',
};

function git(dir: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', args, { cwd: dir, env: { ...GIT_ENV, HOME: dir, ...env }, encoding: 'utf8' }).trim();
}

let time = 1_750_000_000;
function commitAll(dir: string, files: Record<string, string>, message: string, author?: [string, string]): string {
  writeTree(dir, files);
  git(dir, ['add', '--all']);
  time += 3600;
  const date = `${time} +0000`;
  git(dir, ['commit', '--quiet', '-m', message], {
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
    ...(author ? { GIT_AUTHOR_NAME: author[0], GIT_AUTHOR_EMAIL: author[1] } : {}),
  });
  return git(dir, ['rev-parse', 'HEAD']);
}

const TREE: Record<string, string | Buffer> = {
  'config/app.env': `GITHUB_TOKEN=${secrets.github}\nAWS_ACCESS_KEY_ID=${secrets.awsId}\nAWS_SECRET_ACCESS_KEY=${secrets.awsSecret}\nAPI_URL=https://example.com\n`,
  'src/settings.py': `import os\n\nSLACK_BOT_TOKEN = "${secrets.slack}"\nDB_PASSWORD = "${secrets.password}"\n`,
  'src/example.py': 'API_KEY = "your_api_key_here"\n',
  'docs/readme.md': '# Readme\n\nNothing to see here.\n',
  'assets/blob.bin': Buffer.from([0, 1, 2, 3, 0, 255, 254, 0]),
};

let work: string;
let api: FakeGitHub;
const places: string[] = [];

/** Temp paths and timings vary by run; everything else must not. */
function normalise(text: string): string {
  let out = text;
  for (const place of places) out = out.split(place).join('<ROOT>');
  return out
    .replace(/"durationMs": \d+/g, '"durationMs": 0')
    .replace(/"durationMs":\d+/g, '"durationMs":0')
    .replace(/ in \d+\.\d\d s/g, ' in N s')
    .replace(/\(\d+ bytes\) in \d+\.\d\d s/g, '(N bytes) in N s');
}

function check(name: string, text: string): void {
  const file = path.join(GOLDEN, name);
  const actual = normalise(text);
  if (UPDATE || !existsSync(file)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual, `${name} differs from test/golden/${name} (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(file, 'utf8'));
}

async function keyhound(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return spawnAsync(process.execPath, [CLI, ...args], {
    cwd,
    env: {
      PATH: process.env.PATH,
      HOME: work,
      GITHUB_API_URL: api.url,
      NO_COLOR: '1',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
    },
  });
}

beforeAll(async () => {
  // One folder for the whole file (tmp.ts's tempDir is removed after each test).
  work = mkdtempSync(path.join(os.tmpdir(), 'keyhound-golden-'));
  places.push(realpathSync(work), work);
  api = await new FakeGitHub().start();
});
afterAll(async () => {
  await api.close();
  rmSync(work, { recursive: true, force: true });
});

describe('golden outputs', () => {
  it('scan, in every format and with --explain', async () => {
    const tree = path.join(work, 'tree');
    writeTree(tree, TREE);
    for (const format of FORMATS) {
      const result = await keyhound(['scan', '.', '--format', format, '--threads', '1'], tree);
      expect(result.code).toBe(1);
      check(`scan.${format}`, result.stdout);
    }
    const explained = await keyhound(['scan', '.', '--format', 'json', '--explain', '--threads', '1'], tree);
    check('scan-explain.json', explained.stdout);
  });

  it('git history, in every format', async () => {
    const repo = path.join(work, 'repo');
    mkdirSync(repo);
    git(repo, ['init', '--quiet', '--initial-branch=main']);
    commitAll(repo, { 'config/app.env': TREE['config/app.env'] as string }, 'Add the app settings');
    commitAll(repo, { 'src/settings.py': TREE['src/settings.py'] as string }, 'Settings module\n\nWith a body.', [
      'Grace Hopper',
      'grace@example.com',
    ]);
    commitAll(repo, { 'config/app.env': 'API_URL=https://example.com\n' }, 'Remove the keys');
    for (const format of FORMATS) {
      const result = await keyhound(['git', '.', '--format', format], repo);
      expect(result.code).toBe(1);
      check(`git.${format}`, result.stdout);
    }
  });

  it('staged changes, in every format', async () => {
    const repo = path.join(work, 'staged');
    mkdirSync(repo);
    git(repo, ['init', '--quiet', '--initial-branch=main']);
    commitAll(repo, { 'README.md': '# app\n' }, 'Start');
    writeTree(repo, { 'src/settings.py': TREE['src/settings.py'] as string });
    git(repo, ['add', '--all']);
    for (const format of FORMATS) {
      const result = await keyhound(['staged', '.', '--format', format], repo);
      expect(result.code).toBe(1);
      check(`staged.${format}`, result.stdout);
    }
  });

  it('a pull request through the API, in every format', async () => {
    const repo = path.join(work, 'pull');
    mkdirSync(repo);
    git(repo, ['init', '--quiet', '--initial-branch=main']);
    const base = commitAll(repo, { 'README.md': '# app\n' }, 'Start');
    const head = commitAll(repo, { 'config/app.env': TREE['config/app.env'] as string }, 'Settings');
    api.repos.push({ full_name: 'acme/app', clone_url: 'file:///unused' });
    api.addPull({ owner: 'acme', repo: 'app', number: 7, baseSha: base, headSha: head, files: pullFilesFromGit(repo, base, head) });
    for (const format of FORMATS) {
      const result = await keyhound(['github', 'pr', 'acme/app#7', '--format', format], work);
      expect(result.code, result.stderr).toBe(1);
      check(`pr.${format}`, result.stdout);
    }
  });

  it('the Action over the working tree: annotations, summary and SARIF', async () => {
    const workspace = path.join(work, 'workspace');
    writeTree(workspace, TREE);
    const run = await runAction({ workspace, eventName: 'workflow_dispatch', event: {}, apiUrl: api.url, inputs: { mode: 'full' } });
    expect(run.code).toBe(1);
    check('action.log', run.stdout);
    check('action.summary.md', run.summary);
    check('action.sarif', readFileSync(path.join(workspace, 'keyhound.sarif'), 'utf8'));
  });
});
