/**
 * The layers of src/, bottom to top (docs/architecture.md, "Layers"). A module
 * may import from its own layer's folder and from layers below it, never from
 * a layer above; .ci/run fails on any upward import, and on any cycle, with
 * the name of the rule it broke.
 *
 *   core                      types, errors, checksums, redaction: no I/O
 *   io, version               the one writer of files; the tool's version
 *   rules                     rule files: load, validate, lint, analyse
 *   config                    .keyhound.yaml, gitleaks configs, baselines
 *   detect, sources, verify   the engine; inputs; liveness checks
 *   report                    formats and sinks (GitHub outputs included; the GitHub API client)
 *   scan                      the one runner and its steps
 *   cli, action               front ends: options → source + sinks → runScan
 */
const layer = (name, allowed) => ({
  name: `layer-${name}`,
  comment: `src/${name} may import only from ${allowed.length ? allowed.join(', ') : 'itself'} (docs/architecture.md, Layers)`,
  severity: 'error',
  from: { path: `^src/${name}/` },
  to: {
    path: '^src/',
    pathNot: [`^src/${name}/`, ...allowed.map((dir) => (dir.endsWith('.ts') ? `^src/${dir.replace('.', '\\.')}$` : `^src/${dir}/`))],
  },
});

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'Import cycles make layers meaningless',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    layer('core', []),
    layer('io', ['core']),
    layer('rules', ['core']),
    layer('config', ['core', 'io', 'rules']),
    layer('detect', ['core', 'rules']),
    layer('sources', ['core', 'io', 'config', 'version.ts']),
    layer('verify', ['core', 'rules', 'version.ts']),
    // Reports read rule metadata (gitleaks ids); GitHub outputs (the PR comment, the SARIF upload) use the API client sources use.
    {
      ...layer('report', ['core', 'io', 'rules', 'version.ts']),
      to: {
        path: '^src/',
        pathNot: ['^src/report/', '^src/core/', '^src/io/', '^src/rules/', '^src/version\\.ts$', '^src/sources/github/client\\.ts$'],
      },
    },
    layer('scan', ['core', 'io', 'rules', 'config', 'detect', 'sources', 'verify', 'report']),
    layer('cli', ['core', 'io', 'rules', 'config', 'detect', 'sources', 'verify', 'report', 'scan', 'version.ts']),
    layer('action', ['core', 'io', 'rules', 'config', 'detect', 'sources', 'verify', 'report', 'scan', 'version.ts']),
    {
      name: 'version-is-a-leaf',
      comment: 'src/version.ts reads the package version and imports only core',
      severity: 'error',
      from: { path: '^src/version\\.ts$' },
      to: { path: '^src/', pathNot: ['^src/core/'] },
    },
    {
      name: 'core-does-no-io',
      comment: 'src/core does no I/O: no file system, processes, network or threads',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core'], path: '^(node:)?(fs|fs/promises|child_process|net|http|https|worker_threads|dgram|tls)$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js'],
    },
  },
};
