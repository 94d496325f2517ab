/**
 * The default config's path allowlist: dependency folders, lock files,
 * minified bundles, and file types that are binary or hold no secrets in text
 * form. Files on these paths are skipped before reading (and counted);
 * `keyhound config print` shows the list, `extends: none` drops it, and a
 * config file adds to it. `.git` is not content and is never entered.
 */
export const DEFAULT_SKIP_DIRECTORIES = [
  '.git',
  'node_modules',
  'vendor',
  'bower_components',
  '.venv',
  'venv',
  '__pycache__',
  '.tox',
  '.gradle',
  '.idea',
  '.terraform',
];

/** Folders that are never content, whatever the config says. */
export const ALWAYS_SKIPPED_DIRECTORIES = ['.git'];

export const DEFAULT_SKIP_PATHS = [
  '**/package-lock.json',
  '**/npm-shrinkwrap.json',
  '**/yarn.lock',
  '**/pnpm-lock.yaml',
  '**/bun.lockb',
  '**/go.sum',
  '**/Cargo.lock',
  '**/Gemfile.lock',
  '**/poetry.lock',
  '**/composer.lock',
  '**/Pipfile.lock',
  '**/packages.lock.json',
  // Minified bundles and vendored release files: generated, not written, and each one holds a whole
  // dependency tree (issue 19). Bundles without such a name are recognised by shape (detect/minified.ts).
  '**/*.min.*',
  '**/*-min.js',
  '**/*.map',
  '**/.yarn/releases/**',
  '**/.yarn/plugins/**',
  '**/.pnp.cjs',
  '**/.pnp.loader.mjs',
  '**/*.{png,jpg,jpeg,gif,bmp,ico,webp,avif,tif,tiff,psd,svgz,heic}',
  // Archives whose members are compressed in ways keyhound does not open. gzip (.gz, .tgz) is
  // decompressed and scanned (sources/gzip.ts); databases and compiled files (.db, .sqlite,
  // .so, .exe, .class, ...) are scanned for the printable runs a token leaves in them.
  '**/*.{zip,bz2,xz,7z,rar,zst,jar,war,ear,whl,egg,nupkg,gem,deb,rpm,dmg,iso,apk,ipa}',
  '**/*.{woff,woff2,ttf,otf,eot,mp3,mp4,m4a,wav,ogg,flac,avi,mov,mkv,webm,pdf}',
];

/** The default config's `allow.paths`: the folders above as `**\/name/**` globs, then the file globs. */
export const DEFAULT_ALLOW_PATHS: readonly string[] = [
  ...DEFAULT_SKIP_DIRECTORIES.filter((name) => !ALWAYS_SKIPPED_DIRECTORIES.includes(name)).map((name) => `**/${name}/**`),
  ...DEFAULT_SKIP_PATHS,
];

/** 10 MiB: larger files are skipped (and counted) unless `--max-file-size` or `maxFileSize` says otherwise. */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

/**
 * Folder names that `**\/name/**` globs exclude whole: walkers prune them
 * instead of listing every file inside (node_modules can hold 100,000 files).
 */
export function prunableDirectories(globs: readonly string[]): string[] {
  const names: string[] = [];
  for (const glob of globs) {
    const match = /^\*\*\/([^/*?[\]{}!]+)\/\*\*$/.exec(glob);
    if (match) names.push(match[1]!);
  }
  return names;
}
