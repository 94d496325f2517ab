/**
 * Paths skipped by default, before reading: dependency and VCS folders, lock
 * files, minified bundles, and file types that are binary or hold no secrets
 * in text form. `keyhound config print` shows them; a config file can replace them.
 */
export const DEFAULT_SKIP_DIRECTORIES = ['.git', 'node_modules', 'vendor', 'bower_components', '.venv', 'venv', '__pycache__', '.tox', '.gradle', '.idea', '.terraform'];

export const DEFAULT_SKIP_PATHS = [
  '**/package-lock.json', '**/npm-shrinkwrap.json', '**/yarn.lock', '**/pnpm-lock.yaml', '**/bun.lockb', '**/go.sum',
  '**/Cargo.lock', '**/Gemfile.lock', '**/poetry.lock', '**/composer.lock', '**/Pipfile.lock', '**/packages.lock.json',
  '**/*.min.js', '**/*.min.css', '**/*.map',
  '**/*.{png,jpg,jpeg,gif,bmp,ico,webp,avif,tif,tiff,psd,svgz,heic}',
  '**/*.{zip,tar,gz,tgz,bz2,xz,7z,rar,zst,jar,war,ear,whl,egg,nupkg,gem,deb,rpm,dmg,iso,apk,ipa}',
  '**/*.{woff,woff2,ttf,otf,eot,mp3,mp4,m4a,wav,ogg,flac,avi,mov,mkv,webm,pdf}',
  '**/*.{exe,dll,so,dylib,a,o,obj,class,pyc,pyo,wasm,bin,dat,db,sqlite,sqlite3}',
];

/** 10 MiB: larger files are skipped (and counted) unless `--max-file-size` says otherwise. */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;
