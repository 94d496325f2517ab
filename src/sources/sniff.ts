/**
 * Telling text from binary when a file holds NUL bytes. One NUL used to make
 * any file "binary" and unscanned, so `printf '\0\nTOKEN=...' > .env` hid a
 * token. A NUL now makes a file binary only when neither its name nor its
 * bytes say text, and text in UTF-16 or UTF-32 without a byte-order mark
 * (every other byte, or three bytes in four, NUL) is recognised as such.
 */

/** Bytes sniffed for NUL and for the NUL patterns of wide encodings (git and ripgrep sniff 8000 and 8192). */
export const SNIFF_BYTES = 8192;

/**
 * Share of a file's bytes that must be text (printable ASCII, tab, line
 * breaks, well-formed UTF-8) for a file with NUL bytes to be read as text
 * whatever its name. Measured here: executables and shared libraries 0.23-0.35,
 * SQLite 0.01, PNG 0.41, .pyc 0.36-0.57, jar 0.48, gzip 0.46; gettext .mo
 * catalogs (strings separated by NULs) 0.71-0.86; a text file with a few NULs
 * 0.98 and up.
 */
export const TEXT_SHARE = 0.85;

/** File name extensions that say text: configuration, source, documents, keys. */
const TEXT_EXTENSIONS = new Set(
  (
    'env yaml yml json jsonc json5 toml ini cfg conf config cnf properties props xml plist txt text md markdown rst adoc csv tsv log ' +
    'sh bash zsh fish ksh csh ps1 psm1 psd1 bat cmd py pyi rb js mjs cjs ts mts cts tsx jsx java kt kts scala groovy gradle sbt go rs ' +
    'c h cc cpp cxx hh hpp hxx cs fs fsx vb php phtml pl pm swift m mm r lua dart ex exs erl hrl hs clj cljs elm jl nim zig v ' +
    'tf tfvars hcl nomad sql graphql gql html htm xhtml vue svelte astro css scss sass less styl tpl tmpl j2 jinja jinja2 erb ejs hbs ' +
    'mustache twig liquid ipynb pem key crt cer csr pub asc p8 ovpn npmrc yarnrc pypirc netrc pgpass htpasswd gitconfig editorconfig ' +
    'service desktop mk cmake bzl bazel nix dockerfile containerfile tfstate kubeconfig sops secret secrets credentials cred creds'
  ).split(' '),
);

/** Whole file names (lower-cased) that say text though they have no telling extension. */
const TEXT_NAMES = new Set(
  (
    'dockerfile containerfile makefile gnumakefile jenkinsfile vagrantfile gemfile rakefile procfile brewfile podfile fastfile ' +
    'credentials config known_hosts authorized_keys id_rsa id_dsa id_ecdsa id_ed25519 .env .envrc .npmrc .yarnrc .pypirc .netrc ' +
    '.pgpass .htpasswd .gitconfig .git-credentials .bashrc .zshrc .profile .bash_profile .bash_history .zsh_history .s3cfg .boto ' +
    '.dockercfg .my.cnf .terraformrc'
  ).split(' '),
);

/**
 * Whether a path's name says text: `.env` and `*.env`, `.env.*`,
 * configuration, source and key files, `Dockerfile`, `~/.aws/credentials`.
 * A trailing `.gz` is looked through.
 */
export function textNamed(path: string): boolean {
  let name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (name.endsWith('.gz')) name = name.slice(0, -3);
  if (TEXT_NAMES.has(name) || name.startsWith('.env.') || name.startsWith('dockerfile.')) return true;
  const dot = name.lastIndexOf('.');
  return dot >= 0 && TEXT_EXTENSIONS.has(name.slice(dot + 1));
}

/** Per byte: 1 for printable ASCII, tab and line breaks. */
const PLAIN = new Uint8Array(256);
for (let c = 0x20; c < 0x7f; c++) PLAIN[c] = 1;
PLAIN[9] = PLAIN[10] = PLAIN[13] = 1;

/** The share of bytes that are text: printable ASCII, tab, line breaks, and bytes of well-formed UTF-8 sequences. NULs count against. */
export function textShare(bytes: Uint8Array): number {
  return bytes.length === 0 ? 1 : countText(bytes, 0) / bytes.length;
}

/** Bytes between checks of whether the share can still reach the mark. */
const STRIDE = 4096;

/**
 * Whether {@link textShare} is at least `share` (default {@link TEXT_SHARE}),
 * stopping as soon as the rest of the file could not lift it there: a
 * binary's non-text bytes pass the mark within its first fifth or so, and
 * most binaries are not read further.
 */
export function mostlyText(bytes: Uint8Array, share = TEXT_SHARE): boolean {
  return bytes.length === 0 || countText(bytes, share) / bytes.length >= share;
}

/** Text bytes of `bytes`; with `share` above 0, a count that stops early once `share` is out of reach. */
function countText(bytes: Uint8Array, share: number): number {
  let text = 0;
  const n = bytes.length;
  let check = share > 0 ? STRIDE : n;
  for (let i = 0; i < n; i++) {
    // Every byte left adds at most one to the count: past this, the share cannot reach `share`.
    if (i >= check) {
      if ((text + (n - i)) / n < share) return text;
      check += STRIDE;
    }
    const c = bytes[i]!;
    if (PLAIN[c] === 1) {
      text++;
      continue;
    }
    if (c < 0xc2 || c > 0xf4) continue;
    const extra = c < 0xe0 ? 1 : c < 0xf0 ? 2 : 3;
    if (i + extra >= n) continue;
    let ok = true;
    for (let k = 1; k <= extra && ok; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (!ok) continue;
    text += extra + 1;
    i += extra;
  }
  return text;
}

export type WideEncoding = 'utf16le' | 'utf16be' | 'utf32le' | 'utf32be';

/**
 * UTF-16 or UTF-32 without a byte-order mark, told by where the NULs fall in
 * the first {@link SNIFF_BYTES} (text mostly below U+0100 has a NUL high byte
 * in every code unit), then confirmed by decoding that sample: nearly all of
 * it must be printable. Undefined for anything else.
 */
export function wideEncoding(bytes: Uint8Array): WideEncoding | undefined {
  const sample = bytes.subarray(0, Math.min(bytes.length, SNIFF_BYTES) & ~3);
  if (sample.length < 8) return undefined;
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) zeros[i & 3]!++;
  const share = zeros.map((z) => z / (sample.length / 4));
  const [z0, z1, z2, z3] = share as [number, number, number, number];
  let guess: WideEncoding | undefined;
  if (z3 >= 0.95 && z2 >= 0.9 && z0 <= 0.1) guess = 'utf32le';
  else if (z0 >= 0.95 && z1 >= 0.9 && z3 <= 0.1) guess = 'utf32be';
  else if ((z1 + z3) / 2 >= 0.7 && (z0 + z2) / 2 <= 0.1) guess = 'utf16le';
  else if ((z0 + z2) / 2 >= 0.7 && (z1 + z3) / 2 <= 0.1) guess = 'utf16be';
  if (!guess) return undefined;
  return printableShare(decodeWide(sample, guess)) >= 0.9 ? guess : undefined;
}

function printableShare(text: string): number {
  if (text.length === 0) return 0;
  let printable = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x20 && c !== 0x7f && c !== 0xfffd) || c === 9 || c === 10 || c === 13) printable++;
  }
  return printable / text.length;
}

/** Decodes UTF-16 or UTF-32 of either byte order (a trailing partial code unit is dropped; code points out of range read as U+FFFD). */
export function decodeWide(bytes: Uint8Array, encoding: WideEncoding): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding === 'utf16le') return buffer.subarray(0, buffer.length & ~1).toString('utf16le');
  if (encoding === 'utf16be') {
    const swapped = Buffer.from(buffer.subarray(0, buffer.length & ~1));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  // UTF-32: each code point to one or two UTF-16 units, then one native decode.
  const units = new Uint16Array((buffer.length >> 2) * 2);
  let n = 0;
  for (let i = 0; i + 4 <= buffer.length; i += 4) {
    let cp = encoding === 'utf32le' ? buffer.readUInt32LE(i) : buffer.readUInt32BE(i);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
    if (cp < 0x10000) units[n++] = cp;
    else {
      cp -= 0x10000;
      units[n++] = 0xd800 + (cp >> 10);
      units[n++] = 0xdc00 + (cp & 0x3ff);
    }
  }
  return Buffer.from(units.buffer, 0, n * 2).toString('utf16le');
}
