import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScanReport } from '../../src/core/report.js';
import { render } from '../../src/report/render.js';
import { builtinRules } from '../../src/rules/builtin.js';
import { setWorkerScript } from '../../src/scan/spawn.js';
import { Fingerprints } from '../../src/scan/fingerprints.js';
import { runScan } from '../../src/scan/runner.js';
import { FileSource } from '../../src/sources/files.js';
import { HistorySource } from '../../src/sources/git/history-scan.js';
import { openRepository } from '../../src/sources/git/repo.js';
import { StagedSource } from '../../src/sources/git/staged-scan.js';
import { RepositoriesSource } from '../../src/sources/github/audit.js';
import { createGitHubClient } from '../../src/sources/github/client.js';
import { getPullRequest } from '../../src/sources/github/pull.js';
import { PullRequestSource } from '../../src/sources/github/pull-scan.js';
import { SOURCES, type SourceKind } from '../../src/sources/index.js';
import type { Source } from '../../src/sources/source.js';
import { commit, git, GIT_ENV, initRepo } from '../helpers/git.js';
import { pullFilesFromGit } from '../helpers/github-repos.js';
import { FakeGitHub } from '../helpers/github-server.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { githubToken } from '../helpers/tokens.js';

/**
 * The contract every source keeps, checked for every kind registered in
 * src/sources/index.ts: over the same content it reports the same secret at
 * the same path and line (redacted in output), reads a binary file for the
 * tokens in its printable runs, and gives the same report on one thread and
 * on several. A new source is added to SOURCES and to `build` below.
 */

// The bundled scanning thread (`npm test` builds it), so several threads really are several.
setWorkerScript(pathToFileURL(path.resolve(__dirname, '../../dist/cli/worker.js')));

let api: FakeGitHub;
beforeEach(async () => {
  api = await new FakeGitHub().start();
});
afterEach(async () => {
  await api.close();
});

interface Content {
  token: string;
  inBinary: string;
  files: Record<string, string | Buffer>;
}

function content(): Content {
  const token = githubToken();
  const inBinary = githubToken();
  const files: Record<string, string | Buffer> = {
    'config/app.env': `# settings\nGITHUB_TOKEN=${token}\n`,
    'assets/blob.raw': Buffer.concat([Buffer.from([0, 1, 2, 0, 255, 0, 7, 0]), Buffer.from(inBinary), Buffer.from([0, 9])]),
  };
  // Enough files that two threads start a worker (after 32 tasks).
  for (let i = 0; i < 40; i++) files[`docs/page-${String(i).padStart(2, '0')}.md`] = `# Page ${i}\n\nNothing secret.\n`;
  return { token, inBinary, files };
}

/** A repository whose last commit adds the content. */
function repository(c: Content): { dir: string; base: string; head: string } {
  const dir = initRepo();
  const base = commit(dir, { 'README.md': '# app\n' }, 'Start');
  const head = commit(dir, c.files, 'Add the app');
  return { dir, base, head };
}

/** Each kind of source over the content (set up once): what a front end would build, as often as asked. */
const build: Record<SourceKind, (c: Content) => Promise<() => Promise<Source>>> = {
  files: async (c) => {
    const dir = tempDir();
    writeTree(dir, c.files);
    return async () => new FileSource({ paths: [dir], root: dir });
  },
  history: async (c) => {
    const { dir } = repository(c);
    return async () => new HistorySource(await openRepository(dir, GIT_ENV), { partitions: 2 });
  },
  staged: async (c) => {
    const dir = initRepo();
    commit(dir, { 'README.md': '# app\n' }, 'Start');
    writeTree(dir, c.files);
    git(dir, ['add', '--all']);
    return async () => new StagedSource(await openRepository(dir, GIT_ENV));
  },
  'pull-request': async (c) => {
    const { dir, base, head } = repository(c);
    api.repos.push({ full_name: 'acme/app', clone_url: 'file:///unused' });
    const files = pullFilesFromGit(dir, base, head).filter((file) => !file.filename.endsWith('.raw'));
    // GitHub sends no patch for a binary file; its blob is fetched and sniffed.
    files.push({ filename: 'assets/blob.raw', status: 'added', content: c.files['assets/blob.raw'] });
    api.addPull({ owner: 'acme', repo: 'app', number: 9, baseSha: base, headSha: head, files });
    const gh = createGitHubClient({ apiUrl: api.url });
    const pr = await getPullRequest(gh, 'acme', 'app', 9);
    return async () => new PullRequestSource(gh, pr);
  },
  repositories: async (c) => {
    const { dir } = repository(c);
    return async () =>
      new RepositoriesSource(
        [{ fullName: 'acme/app', cloneUrl: pathToFileURL(dir).href, fork: false, archived: false, private: false, sizeKb: 1 }],
        { env: GIT_ENV },
      );
  },
};

const comparable = (report: ScanReport): unknown => ({ ...report, stats: { ...report.stats, durationMs: 0, partitions: 0 } });

describe('every source keeps the same contract', () => {
  it('the test covers every registered kind of source', () => {
    expect(Object.keys(build).sort()).toEqual(Object.keys(SOURCES).sort());
  });

  for (const kind of Object.keys(SOURCES) as SourceKind[]) {
    it(`${kind}: the secret at its path and line, the token inside a binary, the same report on 1 and 2 threads`, async () => {
      const c = content();
      const reports: ScanReport[] = [];
      const make = await build[kind](c);
      for (const threads of [1, 2]) {
        const source = await make();
        expect(source.kind).toBe(kind);
        reports.push(await runScan({ source, rules: builtinRules(), engine: {}, threads, fingerprints: new Fingerprints() }));
      }
      const [one, two] = reports as [ScanReport, ScanReport];
      expect(one.findings.map((f) => [f.ruleId, f.path, f.line, f.column, f.secret])).toEqual([
        ['github-pat-classic', 'assets/blob.raw', 1, 9, c.inBinary],
        ['github-pat-classic', 'config/app.env', 2, 14, c.token],
      ]);
      expect(one.stats.skipped.binary).toBeUndefined();
      expect(one.stats.files).toBeGreaterThanOrEqual(42);
      expect(comparable(two)).toEqual(comparable(one));
      const text = render(one, { format: 'text' });
      expect(text).toContain('config/app.env:2');
      expect(text).not.toContain(c.token);
      expect(text).not.toContain(c.inBinary);
    }, 60_000);
  }
});
