// Generates a reproducible git repository for the history benchmark with
// `git fast-import`: thousands of commits that edit a few lines of code-like
// files (a few hot files, many cold ones, some large), side branches merged
// back, renames, deletions, binary and oversized blobs, odd path names, and
// fake secrets added and later removed. The same seed always gives the same
// repository (same commit ids), so numbers are comparable across runs.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const GENERATOR_VERSION = 6;

/** xorshift128+-style PRNG over 32-bit halves: deterministic and fast. */
function prng(seed) {
  let a = seed >>> 0 || 1;
  let b = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0 || 2;
  return () => {
    let t = a ^ (a << 11);
    a = b;
    b = (b ^ (b >>> 19) ^ t ^ (t >>> 8)) >>> 0;
    return b / 4294967296;
  };
}

// Identifier words. Words that secret rules key on (token, key, auth, secret,
// password, ...) are kept as rare as in real code: with them in every other
// line the engine ran at half the speed it has on real sources (the
// TypeScript compiler's lib/, for one), which would make the benchmark about
// a workload no repository has.
const WORDS = [
  'user',
  'account',
  'config',
  'value',
  'result',
  'request',
  'response',
  'handler',
  'buffer',
  'index',
  'count',
  'total',
  'name',
  'path',
  'file',
  'data',
  'item',
  'list',
  'map',
  'entry',
  'node',
  'tree',
  'parent',
  'child',
  'state',
  'event',
  'client',
  'server',
  'port',
  'host',
  'timeout',
  'retry',
  'error',
  'message',
  'format',
  'parse',
  'render',
  'update',
  'delete',
  'create',
  'read',
  'write',
  'open',
  'close',
  'load',
  'save',
  'options',
  'settings',
  'width',
  'height',
  'offset',
  'length',
  'start',
  'end',
  'first',
  'last',
  'next',
  'prev',
  'log',
  'payload',
  'header',
  'body',
  'query',
  'filter',
  'sort',
  'limit',
  'page',
  'queue',
  'worker',
  'task',
  'job',
  'stream',
  'chunk',
  'block',
  'range',
  'scope',
  'module',
  'package',
  'version',
  'commit',
  'branch',
  'label',
  'title',
  'text',
  'line',
  'column',
  'row',
  'table',
  'record',
  'field',
  'schema',
  'model',
  'view',
  'layout',
  'style',
  'color',
  'image',
  'icon',
  'button',
  'input',
  'output',
  'target',
  'source',
  'origin',
];
const RARE_WORDS = ['token', 'key', 'auth', 'secret', 'password', 'session', 'hash', 'signature', 'credential', 'digest'];
const RARE_SHARE = 0.015;
const KEYWORDS = ['const', 'let', 'return', 'if', 'for', 'while', 'function', 'import', 'export', 'await', 'new', 'throw'];

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();
function crc32(text) {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
function toBase62(value, width) {
  let out = '';
  for (let rest = value; rest > 0; rest = Math.floor(rest / 62)) out = BASE62[rest % 62] + out;
  return out.padStart(width, '0');
}

class Generator {
  constructor(seed) {
    this.random = prng(seed);
  }
  int(min, max) {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  pick(list) {
    return list[Math.floor(this.random() * list.length)];
  }
  word() {
    return this.random() < RARE_SHARE ? this.pick(RARE_WORDS) : this.pick(WORDS);
  }
  ident() {
    const first = this.word();
    const second = this.word();
    return first + second[0].toUpperCase() + second.slice(1);
  }
  line() {
    const indent = '  '.repeat(this.int(0, 3));
    switch (this.int(0, 6)) {
      case 0:
        return `${indent}const ${this.ident()} = ${this.ident()}(${this.ident()}, ${this.int(0, 999)});`;
      case 1:
        return `${indent}if (${this.ident()}.${this.word()} > ${this.int(0, 64)}) return ${this.ident()};`;
      case 2:
        return `${indent}// ${this.word()} the ${this.word()} before ${this.word()} ${this.word()}s`;
      case 3:
        return `${indent}${this.pick(KEYWORDS)} ${this.ident()}.${this.ident()}(${this.word()});`;
      case 4:
        return `${indent}${this.ident()}: '${this.word()}-${this.word()}-${this.int(0, 99)}',`;
      case 5:
        return '';
      default:
        return `${indent}${this.ident()} += ${this.ident()}.length * ${this.int(1, 9)};`;
    }
  }
  lines(n) {
    const out = [];
    for (let i = 0; i < n; i++) out.push(this.line());
    return out;
  }
  base62(n) {
    let out = '';
    for (let i = 0; i < n; i++) out += BASE62[Math.floor(this.random() * 62)];
    return out;
  }
  /** A GitHub-format token with a valid CRC-32, assembled here so the repository holds none. */
  githubToken() {
    const body = this.base62(30);
    return `ghp_${body}${toBase62(crc32(body), 6)}`;
  }
  fileLines() {
    const r = this.random();
    if (r < 0.7) return this.int(20, 200);
    if (r < 0.95) return this.int(200, 1000);
    return this.int(1000, 4000);
  }
}

function quote(p) {
  return /["\\\n\s]|[^\x20-\x7e]/.test(p) ? JSON.stringify(p) : p;
}

/**
 * Writes the fast-import stream for `commits` commits to `out` (a writable
 * stream), returning the planted secrets: { secret, path, commitIndex }.
 */
async function writeStream(out, { commits, seed }) {
  const g = new Generator(seed);
  const files = new Map(); // path -> lines[]
  const paths = [];
  const planted = [];
  let mark = 0;
  let time = 1_600_000_000;
  const write = (text) => (out.write(text) ? undefined : new Promise((resolve) => out.once('drain', resolve)));
  const data = (buffer) => `data ${buffer.length}\n`;

  const newPath = (i) => {
    const dir = g.pick(['src', 'src/lib', 'src/api', 'test', 'docs', 'tools', 'config', 'web/app', 'web/components']);
    const ext = g.pick(['js', 'ts', 'py', 'go', 'md', 'yaml', 'json']);
    return `${dir}/${g.pick(WORDS)}-${g.pick(WORDS)}-${i}.${ext}`;
  };
  const content = (p) => Buffer.from(`${files.get(p).join('\n')}\n`);
  const hot = () => paths[Math.floor(Math.pow(g.random(), 3) * paths.length)];

  // Initial tree.
  const initial = [];
  for (let i = 0; i < 600; i++) {
    const p = newPath(i);
    files.set(p, g.lines(g.fileLines()));
    paths.push(p);
    initial.push(p);
  }
  for (const odd of ['docs/read me.txt', 'src/ünïcödé/naïve config.yaml']) {
    files.set(odd, g.lines(40));
    paths.push(odd);
    initial.push(odd);
  }

  const lastMark = new Map(); // path -> mark of its latest blob
  const binaries = new Set();
  const branchTouched = new Set(); // paths changed on the open side branch
  let branchHead = null;
  let mainHead = null;
  let branchName = null;
  let branchLeft = 0;
  const pendingRemovals = []; // { path, line, at }
  for (let c = 0; c < commits; c++) {
    const ops = [];
    let message;
    if (c === 0) {
      for (const p of initial) ops.push({ kind: 'M', path: p });
      message = 'Initial import';
    } else {
      const r = g.random();
      const touched = new Set();
      const n = g.int(1, 4);
      for (let k = 0; k < n; k++) touched.add(hot());
      for (const p of touched) {
        const lines = files.get(p);
        const hunks = g.int(1, 3);
        for (let h = 0; h < hunks; h++) {
          const at = g.int(0, lines.length);
          // About as many lines removed as added, so files grow slowly as real ones do
          // (unique blob bytes : diff bytes lands near git/git's 14 : 1).
          const remove = Math.min(g.int(0, 4), lines.length - at);
          lines.splice(at, remove, ...g.lines(g.int(0, 5)));
        }
        ops.push({ kind: 'M', path: p });
      }
      if (r < 0.03) {
        const p = newPath(paths.length + c);
        files.set(p, g.lines(g.fileLines()));
        paths.push(p);
        ops.push({ kind: 'M', path: p });
      } else if (r < 0.035 && paths.length > 50) {
        const p = paths.splice(g.int(0, paths.length - 1), 1)[0];
        if (!touched.has(p) && !pendingRemovals.some((x) => x.path === p)) {
          files.delete(p);
          ops.push({ kind: 'D', path: p });
        } else paths.push(p);
      } else if (r < 0.04) {
        const i = g.int(0, paths.length - 1);
        const from = paths[i];
        if (!touched.has(from) && !pendingRemovals.some((x) => x.path === from)) {
          const to = newPath(paths.length + c);
          files.set(to, files.get(from));
          files.delete(from);
          lastMark.set(to, lastMark.get(from));
          paths[i] = to;
          ops.push({ kind: 'R', from, path: to });
        }
      }
      // A fake secret every ~400 commits, removed again some commits later.
      if (c % 400 === 17) {
        const p = hot();
        if (!touched.has(p) || ops.some((o) => o.path === p && o.kind === 'M')) {
          const token = g.githubToken();
          const lines = files.get(p);
          const at = g.int(0, lines.length);
          lines.splice(at, 0, `  const githubToken = '${token}';`);
          if (!ops.some((o) => o.path === p)) ops.push({ kind: 'M', path: p });
          planted.push({ secret: token, path: p, commitIndex: c });
          pendingRemovals.push({ path: p, token, at: c + g.int(3, 60) });
        }
      }
      for (let k = pendingRemovals.length - 1; k >= 0; k--) {
        const pending = pendingRemovals[k];
        if (pending.at > c || !files.has(pending.path)) continue;
        const lines = files.get(pending.path);
        const index = lines.findIndex((l) => l.includes(pending.token));
        if (index >= 0) lines.splice(index, 1);
        if (!ops.some((o) => o.path === pending.path)) ops.push({ kind: 'M', path: pending.path });
        pendingRemovals.splice(k, 1);
      }
      // Binary and oversized blobs, rarely.
      if (c % 2500 === 1234) ops.push({ kind: 'B', path: `assets/blob-${c}.bin`, size: c % 5000 === 1234 ? 12 * 1024 * 1024 : 300 * 1024 });
      message = `${g.pick(['Fix', 'Add', 'Update', 'Refactor', 'Remove'])} ${g.pick(WORDS)} ${g.pick(WORDS)} handling`;
    }

    // Side branches: every ~150 commits, 3-20 commits off main, then merged.
    if (branchLeft === 0 && c > 0 && c % 150 === 0) {
      branchName = `refs/heads/topic-${c}`;
      branchHead = mainHead;
      branchLeft = g.int(3, 20);
    }
    const onBranch = branchLeft > 0;
    const ref = onBranch ? branchName : 'refs/heads/main';
    const parent = onBranch ? branchHead : mainHead;
    const merge = !onBranch && branchHead !== null && branchName !== null ? branchHead : null;

    for (const op of ops) {
      if (op.reuse) continue;
      if (op.kind === 'M' && files.has(op.path)) {
        const bytes = content(op.path);
        op.mark = ++mark;
        lastMark.set(op.path, op.mark);
        await write(`blob\nmark :${op.mark}\n${data(bytes)}`);
        await write(bytes);
        await write('\n');
      } else if (op.kind === 'B') {
        const bytes = Buffer.alloc(op.size);
        for (let i = 0; i < bytes.length; i += 4) bytes.writeUInt32LE((g.random() * 4294967296) >>> 0, i);
        op.mark = ++mark;
        lastMark.set(op.path, op.mark);
        binaries.add(op.path);
        await write(`blob\nmark :${op.mark}\n${data(bytes)}`);
        await write(bytes);
        await write('\n');
      }
    }
    if (onBranch) {
      for (const op of ops) {
        branchTouched.add(op.path);
        if (op.from) branchTouched.add(op.from);
      }
    } else if (merge !== null) {
      // fast-import builds a commit's tree from its first parent: carry the side branch's changes in.
      for (const p of branchTouched) {
        if (ops.some((o) => o.path === p || o.from === p)) continue;
        if ((files.has(p) || binaries.has(p)) && lastMark.has(p)) ops.push({ kind: 'M', path: p, mark: lastMark.get(p), reuse: true });
        else if (!files.has(p) && !binaries.has(p)) ops.push({ kind: 'D', path: p });
      }
      branchTouched.clear();
    }
    const commitMark = ++mark;
    for (const entry of planted) if (entry.commitIndex === c) entry.mark = commitMark;
    time += g.int(60, 20_000);
    const who = g.pick([
      ['Ada Lovelace', 'ada@example.com'],
      ['Grace Hopper', 'grace@example.com'],
      ['Linus Example', 'linus@example.com'],
    ]);
    const msg = Buffer.from(`${message}\n`);
    let text = `commit ${ref}\nmark :${commitMark}\nauthor ${who[0]} <${who[1]}> ${time} +0000\ncommitter ${who[0]} <${who[1]}> ${time} +0000\n${data(msg)}${msg}`;
    if (parent !== null) text += `from :${parent}\n`;
    if (merge !== null) text += `merge :${merge}\n`;
    for (const op of ops) {
      if (op.kind === 'M' || op.kind === 'B') {
        if (op.mark) text += `M 100644 :${op.mark} ${quote(op.path)}\n`;
      } else if (op.kind === 'D') text += `D ${quote(op.path)}\n`;
      else if (op.kind === 'R') text += `R ${JSON.stringify(op.from)} ${quote(op.path)}\n`;
    }
    await write(`${text}\n`);
    if (onBranch) {
      branchHead = commitMark;
      branchLeft--;
    } else {
      mainHead = commitMark;
      if (merge !== null) {
        branchHead = null;
        branchName = null;
      }
    }
  }
  await write(`tag v1.0\nfrom :${mainHead}\ntagger Ada Lovelace <ada@example.com> ${time} +0000\ndata 8\nrelease\n\n`);
  return planted;
}

/** Folder of a cached repository for these parameters. */
export function repoDir(cacheRoot, options) {
  const key = createHash('sha256')
    .update(JSON.stringify({ v: GENERATOR_VERSION, ...options }))
    .digest('hex')
    .slice(0, 12);
  return path.join(cacheRoot, `git-synth-${options.commits}-${key}`);
}

const gitEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0' };

/**
 * Returns `{ dir, planted }` for a generated repository, creating (and packing,
 * as a clone would be) it the first time. Cached under `cacheRoot`.
 */
export async function generateRepo({ cacheRoot, commits = 12_000, seed = 42, log = () => {} }) {
  const dir = repoDir(cacheRoot, { commits, seed });
  const plantedFile = path.join(dir, 'planted.json');
  if (existsSync(plantedFile)) {
    const { readFileSync } = await import('node:fs');
    return { dir: path.join(dir, 'repo.git'), planted: JSON.parse(readFileSync(plantedFile, 'utf8')) };
  }
  const building = `${dir}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const bare = path.join(building, 'repo.git');
  spawnSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', bare], { env: gitEnv, stdio: 'inherit' });
  const started = performance.now();
  const marksFile = path.join(building, 'marks');
  const child = spawn('git', ['fast-import', '--quiet', `--export-marks=${marksFile}`], {
    cwd: bare,
    env: gitEnv,
    stdio: ['pipe', 'inherit', 'inherit'],
  });
  const exited = new Promise((resolve) => child.on('close', resolve));
  const planted = await writeStream(child.stdin, { commits, seed });
  child.stdin.end();
  if ((await exited) !== 0) throw new Error('git fast-import failed');
  log(`generated ${commits} commits in ${((performance.now() - started) / 1000).toFixed(1)} s; repacking as a clone would be`);
  // A clone receives a pack made by pack-objects: repack the same way.
  const repack = spawnSync('git', ['repack', '-a', '-d', '-f', '--quiet'], { cwd: bare, env: gitEnv, stdio: 'inherit' });
  if (repack.status !== 0) throw new Error('git repack failed');
  const { readFileSync, writeFileSync } = await import('node:fs');
  // The commit that added each secret, by id: what a history scan must attribute it to.
  const shas = new Map(
    readFileSync(marksFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(' ')),
  );
  for (const entry of planted) entry.commit = shas.get(`:${entry.mark}`);
  writeFileSync(path.join(building, 'planted.json'), JSON.stringify(planted, null, 1));
  rmSync(dir, { recursive: true, force: true });
  renameSync(building, dir);
  return { dir: path.join(dir, 'repo.git'), planted };
}
