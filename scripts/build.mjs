// Bundles the CLI (and, once it exists, the Action) into single ESM files under
// dist/, with the built-in rules pre-parsed into the bundle so start-up reads no
// YAML and resolves no node_modules. dist/ is committed because pre-commit
// installs hooks straight from git, and Actions run without `npm ci`
// (README, Development); CI rebuilds and fails when the committed bundle is stale.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/**
 * Loads rules/*.yaml through the project's own loader, so a broken rule fails
 * the build with the loader's message, and analyses each pattern once here
 * (its longest match, whether it starts with a keyword) so the CLI does not
 * parse 700 regexes on every start (a third of a `keyhound staged` run).
 */
async function loadBuiltinRules() {
  const { loadRules, analyseRule, compactPatternMacros } = await importFromSource('load-rules.mjs', {
    stdin: {
      contents:
        "export { loadRules } from './src/rules/load.ts'; export { analyseRule } from './src/rules/analyse.ts'; export { compactPatternMacros } from './src/rules/grammar.ts';",
      resolveDir: root,
      loader: 'ts',
      sourcefile: 'build-rules.ts',
    },
  });
  return loadRules([path.join(root, 'rules')]).map(({ source, ...rule }) => ({
    ...rule,
    // `{{assign}}` folded back: 360 copies of the grammar would add 0.4 MB that every start parses (builtin.ts expands them).
    pattern: compactPatternMacros(rule.pattern),
    analysis: analyseRule(rule),
    source: { file: `rules/${path.basename(source.file)}`, line: source.line },
  }));
}

/**
 * Bundles project sources (`input`: esbuild's entry options) and imports the
 * result, so the build runs the project's own code; written inside
 * node_modules so its bare imports (yaml, gpt-tokenizer) resolve.
 */
async function importFromSource(name, input) {
  const out = await build({
    ...input,
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    packages: 'external',
    target: 'node20',
  });
  const temp = path.join(root, 'node_modules', '.cache', 'keyhound', name);
  mkdirSync(path.dirname(temp), { recursive: true });
  writeFileSync(temp, out.outputFiles[0].text);
  return import(`${pathToFileURL(temp).href}?${Date.now()}`);
}

/**
 * The BPE vocabulary as src/detect/bpe-vocabulary.ts packs it, put in the
 * bundles in that module's place: base64 text decodes in a millisecond where
 * gpt-tokenizer's array literal took 65-85 ms to load on every thread.
 */
async function vocabularyPlugin() {
  const { loadVocabulary } = await importFromSource('bpe-vocabulary.mjs', {
    entryPoints: [path.join(root, 'src/detect/bpe-vocabulary.ts')],
  });
  const packed = Buffer.from(await loadVocabulary()).toString('base64');
  return {
    name: 'bpe-vocabulary',
    setup(bundle) {
      bundle.onLoad({ filter: /[\\/]src[\\/]detect[\\/]bpe-vocabulary\.ts$/ }, () => ({
        contents: `export async function loadVocabulary() { return Buffer.from(${JSON.stringify(packed)}, 'base64'); }`,
        loader: 'js',
      }));
    },
  };
}

const rules = await loadBuiltinRules();
const banner = {
  // Bundled CommonJS dependencies call require(); give the ESM bundle one.
  js: "import { createRequire as __keyhoundCreateRequire } from 'node:module'; const require = __keyhoundCreateRequire(import.meta.url);",
};
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  minifyWhitespace: true,
  logLevel: 'warning',
  banner,
  // Loaded on first use instead of at start (src/cli/string-width.ts).
  alias: { 'string-width': path.join(root, 'src/cli/string-width.ts') },
  plugins: [await vocabularyPlugin()],
  define: {
    __KEYHOUND_VERSION__: JSON.stringify(pkg.version),
    // A string (see src/rules/builtin.ts): JSON text, quoted once more for define.
    __KEYHOUND_BUILTIN_RULES_JSON__: JSON.stringify(JSON.stringify(rules)),
  },
};

// Code splitting keeps rarely needed, heavy modules (the BPE vocabulary) in
// chunks that load only when used, so start-up parses little.
// Each bundle carries the scanning thread's script (worker.js) beside its entry.
const entries = [
  { in: 'src/cli/bin.ts', outdir: 'dist/cli', name: 'keyhound' },
  { in: 'src/action/main.ts', outdir: 'dist/action', name: 'index' },
].filter((entry) => existsSync(path.join(root, entry.in)));
for (const entry of entries) {
  rmSync(path.join(root, entry.outdir), { recursive: true, force: true });
  await build({
    ...common,
    entryPoints: { [entry.name]: path.join(root, entry.in), worker: path.join(root, 'src/scan/worker.ts') },
    outdir: path.join(root, entry.outdir),
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  });
}
// The library entry of package.json `exports` (not committed: dist/lib/ is
// ignored); `npm pack` builds it, and its declarations (`npm run build:types`).
rmSync(path.join(root, 'dist/lib'), { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { index: path.join(root, 'src/index.ts') },
  outdir: path.join(root, 'dist/lib'),
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});
process.stdout.write(
  `built ${entries.map((e) => `${e.outdir}/${e.name}.js`).join(', ')} with ${rules.length} rules from ${readdirSync(path.join(root, 'rules')).length} files\n`,
);
