import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { copyWorkingTree } from '../helpers/snapshot.js';
import { fileTempDir, writeTree } from '../helpers/tmp.js';
import { githubToken } from '../helpers/tokens.js';

/**
 * keyhound as users get it from a registry: `npm pack` on a copy of this
 * checkout (the prepack build included), the tarball installed into an empty
 * project with no registry at all (offline, empty cache), then the library
 * imported, type-checked and called, and the CLI run, all as real processes.
 */
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
}

const describeOutput = (r: SpawnSyncReturns<string>): string => `exit ${r.status}\n${r.stdout}\n${r.stderr}`;

describe('the packed tarball, installed into an empty project', () => {
  let work: string;
  let app: string;
  let tarball: string;
  let packed: SpawnSyncReturns<string>;
  let installed: SpawnSyncReturns<string>;
  /** npm with no registry: anything the install would download fails it. */
  let offline: NodeJS.ProcessEnv;

  beforeAll(() => {
    work = fileTempDir('keyhound-pack-');
    const source = path.join(work, 'source');
    copyWorkingTree(source);
    // The prepack build needs the dev dependencies (esbuild, typescript).
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(source, 'node_modules'), 'dir');
    packed = run('npm', ['pack', '--pack-destination', work], source);
    tarball = path.join(work, `${pkg.name}-${pkg.version}.tgz`);

    app = path.join(work, 'app');
    mkdirSync(app);
    writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true, type: 'module' }));
    offline = { npm_config_offline: 'true', npm_config_cache: path.join(work, 'empty-npm-cache'), npm_config_update_notifier: 'false' };
    installed = run('npm', ['install', '--no-audit', '--no-fund', tarball], app, offline);
  }, 300_000);

  it('packs with nothing but the tarball name on stdout (pre-commit installs hooks by that name)', () => {
    expect(packed.status, describeOutput(packed)).toBe(0);
    expect(packed.stdout).toBe(`${pkg.name}-${pkg.version}.tgz\n`);
  });

  it('holds the built library with its declarations, the CLI bundle, LICENSE and CHANGELOG, and no sources', () => {
    const listing = run('tar', ['-tzf', tarball], work);
    expect(listing.status, describeOutput(listing)).toBe(0);
    const files = listing.stdout.split('\n').filter(Boolean);
    for (const file of [
      'dist/lib/index.js',
      'dist/lib/index.d.ts',
      'dist/cli/keyhound.js',
      'dist/cli/worker.js',
      'scripts/pre-commit-hook.mjs',
      'LICENSE',
      'CHANGELOG.md',
      'README.md',
    ]) {
      expect(files, file).toContain(`package/${file}`);
    }
    expect(files.filter((f) => /^package\/(src|test|bench|node_modules)\//.test(f))).toEqual([]);
  });

  it('installs offline from an empty cache: no dependency to download, no engine warning', () => {
    expect(installed.status, describeOutput(installed)).toBe(0);
    expect(installed.stderr).not.toMatch(/EBADENGINE|engine/i);
    expect(readdirSync(path.join(app, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual([pkg.name]);
  });

  it('runs `npx keyhound --version` and a scan that finds a planted token', () => {
    const version = run('npx', ['keyhound', '--version'], app, offline);
    expect(version.status, describeOutput(version)).toBe(0);
    expect(version.stdout.trim()).toBe(pkg.version);

    const token = githubToken();
    const tree = path.join(work, 'tree');
    writeTree(tree, { 'deploy.env': `GITHUB_TOKEN=${token}\n`, 'notes.txt': 'nothing here\n' });
    const scan = run('npx', ['keyhound', 'scan', tree, '--format', 'json'], app, offline);
    expect(scan.status, describeOutput(scan)).toBe(1);
    const report = JSON.parse(scan.stdout) as { findings: { ruleId: string; path: string; line: number; secret: string }[] };
    expect(report.findings.map((f) => [f.ruleId, f.path, f.line])).toEqual([['github-pat-classic', 'deploy.env', 1]]);
    expect(scan.stdout + scan.stderr).not.toContain(token);
  });

  it('imports the library and scans text with it', () => {
    const token = githubToken();
    const script = [
      "const { Engine, builtinRules, redact } = await import('keyhound');",
      'const engine = new Engine(builtinRules());',
      `const result = await engine.scanPrepared({ text: 'token = "${token}"\\n', origin: { path: 'x.env' } });`,
      'console.log(JSON.stringify({ rules: builtinRules().length, found: result.findings.map((f) => [f.ruleId, f.line, f.column]), masked: redact(process.argv[1]) }));',
    ].join('\n');
    const imported = run(process.execPath, ['--input-type=module', '-e', script, token], app);
    expect(imported.status, describeOutput(imported)).toBe(0);
    const out = JSON.parse(imported.stdout) as { rules: number; found: unknown[]; masked: string };
    expect(out.rules).toBeGreaterThan(500);
    expect(out.found).toEqual([['github-pat-classic', 1, 10]]);
    expect(out.masked).not.toBe(token);
    expect(out.masked.startsWith(token.slice(0, 4))).toBe(true);
  });

  it('type-checks a consumer against the declarations, which are real types (a wrong use fails)', () => {
    writeFileSync(
      path.join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2023',
          strict: true,
          noEmit: true,
          types: ['node'],
          typeRoots: [path.join(ROOT, 'node_modules', '@types')],
        },
        files: ['use.ts'],
      }),
    );
    writeFileSync(
      path.join(app, 'use.ts'),
      [
        "import { Engine, builtinRules, type Finding } from 'keyhound';",
        'const engine = new Engine(builtinRules());',
        "const findings: Finding[] = engine.scan({ text: 'x', origin: { path: 'a' } }).findings;",
        'export const count: number = findings.length;',
      ].join('\n'),
    );
    const good = run(process.execPath, [TSC, '-p', 'tsconfig.json'], app);
    expect(good.status, describeOutput(good)).toBe(0);

    writeFileSync(path.join(app, 'use.ts'), "import { builtinRules } from 'keyhound';\nexport const wrong: number = builtinRules();\n");
    const bad = run(process.execPath, [TSC, '-p', 'tsconfig.json'], app);
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toContain('TS2322');
  });
});
