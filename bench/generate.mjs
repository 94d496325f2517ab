// Generates a reproducible tree of realistic-looking source text in several
// languages, with a known set of planted secrets, for `npm run bench`.
//
//   node bench/generate.mjs DIR [--mb 200] [--seed 1] [--dense]
//
// Lines are drawn from per-language templates: mostly ordinary code, and now
// and then a line that uses the words a secrets scanner's keywords trip on
// (key, token, secret, password, auth) in innocent ways, plus hashes, UUIDs,
// URLs, base64 data and long minified lines, so the prefilter and filters do
// real work. Those words are kept about as frequent as in real code: ~1,000
// keyword hits per MB (`rg -io 'key|token|secret|passw|auth|credential'`),
// against 742 in node_modules, 656 in /usr/lib/python3 and 2,662 in
// keyhound's own src/. An earlier version used them in most lines (16,000
// hits per MB), which measured a workload no repository has; `--dense` still
// builds that one, as a stress test. Writes DIR/.planted.json.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';

/** Bumped when the generated text changes, so cached trees are rebuilt. */
export const GENERATOR_VERSION = 2;

export function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const HEX = '0123456789abcdef';
const WORDS = (
  'user account request response handler config value index item list map cache ' +
  'client server service manager provider factory builder parser reader writer buffer stream event queue worker task job result error ' +
  'message payload header body status code count total offset limit page size name id type kind mode state flag option setting path ' +
  'file dir url host port timeout retry backoff delay interval metric log trace span context scope policy role permission grant'
).split(' ');
/** Words secret rules key on. */
const KEY_WORDS = ['token', 'key', 'secret', 'password', 'auth', 'session'];
const SENTENCES = [
  'Returns the cached value when the entry is present, otherwise loads it.',
  'This handler validates the request body and maps errors to status codes.',
  'TODO: move the retry policy into the shared client configuration.',
  'Called once per batch; the caller owns the buffer afterwards.',
  'Keep this in sync with the schema in the service definition.',
  'The offset is zero-based and counts bytes, not characters.',
];
const KEY_SENTENCES = [
  'The token is refreshed before it expires; see the auth module for details.',
  'Never log the password or the secret; redact them before writing.',
  'Keys are rotated every 90 days by the platform team.',
  'The API key is read from the environment at start-up.',
];

function makeWriter(random, keyShare) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const rand = (alphabet, n) => {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(random() * alphabet.length)];
    return s;
  };
  const word = () => (random() < keyShare.words ? pick(KEY_WORDS) : pick(WORDS));
  const ident = () => {
    const a = word();
    const b = word();
    return a + b[0].toUpperCase() + b.slice(1);
  };
  const snake = () => `${word()}_${word()}`;
  const sentence = () => (random() < keyShare.sentences ? pick(KEY_SENTENCES) : pick(SENTENCES));
  return { pick, rand, ident, snake, sentence, word };
}

const uuid = (w) => `${w.rand(HEX, 8)}-${w.rand(HEX, 4)}-4${w.rand(HEX, 3)}-a${w.rand(HEX, 3)}-${w.rand(HEX, 12)}`;

/** Per language: `plain` lines (ordinary code) and `keyed` ones (the words secret rules key on, used innocently). */
const LANGUAGES = {
  js: {
    plain: [
      (w) => `import { ${w.ident()} } from './${w.word()}/${w.ident()}.js';`,
      (w) => `export async function ${w.ident()}(${w.ident()}, options = {}) {`,
      (w) => `  const ${w.ident()} = await ${w.ident()}.get(${w.ident()}.${w.word()});`,
      (w) => `  return { ${w.ident()}: ${w.ident()}, status: ${Math.floor(w.rand(HEX, 1).charCodeAt(0) * 3)} };`,
      (w) => `  // ${w.sentence()}`,
      (w) => `  for (const ${w.word()} of ${w.ident()}) ${w.ident()}.push(${w.word()}.${w.word()});`,
      (w) => `  if (${w.ident()}.length > ${w.rand('0123456789', 2)}) ${w.ident()}.splice(0, ${w.rand('0123456789', 1)});`,
      () => '}',
      () => '',
      (w) => `  logger.debug('${w.word()} ${w.word()}', { id: '${uuid(w)}' });`,
      (w) => `  const url = 'https://api.${w.word()}.example.com/v2/${w.word()}?page=' + page;`,
    ],
    keyed: [
      (w) => `  if (!${w.ident()}.token) throw new Error('missing ${w.word()} token');`,
      (w) => `  const apiKey = process.env.${w.snake().toUpperCase()}_API_KEY;`,
      (w) => `  const password = options.password ?? config.get('${w.word()}.password');`,
    ],
  },
  py: {
    plain: [
      (w) => `from ${w.word()}.${w.word()} import ${w.ident()}`,
      (w) => `def ${w.snake()}(${w.snake()}, timeout=None, **kwargs):`,
      (w) => `    """${w.sentence()}"""`,
      (w) => `    ${w.snake()} = os.environ.get("${w.snake().toUpperCase()}_URL")`,
      (w) => `    return {"${w.snake()}": ${w.snake()}, "commit": "${w.rand(HEX, 40)}"}`,
      (w) => `    # ${w.sentence()}`,
      (w) => `    for ${w.word()} in self.${w.snake()}:`,
      (w) => `        ${w.snake()}.append(${w.word()}.${w.word()})`,
      () => '',
    ],
    keyed: [
      (w) => `    ${w.snake()} = os.environ.get("${w.snake().toUpperCase()}_SECRET")`,
      () => '    if token is None: raise ValueError("token required")',
      (w) => `    secret_name = f"projects/{project}/secrets/${w.word()}/versions/latest"`,
    ],
  },
  go: {
    plain: [
      (w) => `func (s *${w.ident()}) ${w.ident()}(ctx context.Context, id string) (*${w.ident()}, error) {`,
      (w) => `\t${w.ident()}, err := s.store.Get(ctx, id)`,
      (w) => `\tif err != nil { return nil, fmt.Errorf("${w.word()}: %w", err) }`,
      (w) => `\t// ${w.sentence()}`,
      () => '}',
      () => '',
      (w) => `\tsum := sha256.Sum256([]byte(${w.ident()})) // ${w.rand(HEX, 64)}`,
      (w) => `\t${w.ident()} := make([]${w.ident()}, 0, len(${w.ident()}))`,
    ],
    keyed: [
      (w) => `func (s *${w.ident()}) ${w.ident()}(ctx context.Context, key string) (*${w.ident()}, error) {`,
      () => '\tauthHeader := "Bearer " + s.token',
    ],
  },
  java: {
    plain: [
      (w) => `    private final ${w.ident()[0].toUpperCase()}${w.ident().slice(1)} ${w.ident()};`,
      (w) => `    /** ${w.sentence()} */`,
      (w) => `    public ${w.ident()[0].toUpperCase()}${w.ident().slice(1)} get${w.ident()}() { return this.${w.ident()}; }`,
      (w) => `        ${w.ident()}.put("${w.word()}", ${w.ident()}.get${w.ident()}());`,
      () => '    }',
      () => '',
    ],
    keyed: [
      (w) => `    public String get${w.ident()}Token() { return this.tokenProvider.current(); }`,
      (w) => `    @Value("\${${w.word()}.secret-key}") private String secretKey;`,
      () => '    if (password.length() < MIN_PASSWORD_LENGTH) { throw new IllegalArgumentException("weak password"); }',
    ],
  },
  yaml: {
    plain: [
      (w) => `${w.snake()}:`,
      (w) => `  ${w.snake()}: ${w.pick(['true', 'false', '30', `"${w.word()}"`])}`,
      (w) => `  image: registry.example.com/${w.word()}:${w.rand('0123456789', 1)}.${w.rand('0123456789', 2)}.${w.rand('0123456789', 1)}`,
      (w) => `  checksum: sha256:${w.rand(HEX, 64)}`,
      (w) => `  # ${w.sentence()}`,
      (w) => `  - name: ${w.word()}-${w.word()}`,
    ],
    keyed: [(w) => `  api_key: \${${w.snake().toUpperCase()}_API_KEY}`, (w) => `  password: "{{ .Values.${w.word()}.password }}"`],
  },
  md: {
    plain: [
      (w) => `## ${w.ident()}`,
      (w) => `${w.sentence()} ${w.sentence()}`,
      (w) => `![diagram](data:image/png;base64,${w.rand(B64, 120)})`,
      (w) => `- \`${w.ident()}\`: the ${w.word()} used for ${w.word()}`,
      () => '',
    ],
    keyed: [
      (w) => `Set \`${w.snake().toUpperCase()}_TOKEN\` to your token (for example \`export TOKEN=<your-token>\`).`,
      (w) => `- \`${w.ident()}\`: the ${w.word()} key used for ${w.word()}`,
    ],
  },
};
/** How often keyword words appear: realistic, or in most lines (`--dense`, the stress tree). */
const KEY_SHARES = {
  realistic: { lines: 0.02, words: 0.01, sentences: 0.1 },
  dense: { lines: 0.4, words: 0.06, sentences: 0.6 },
};
function templateLine(w, random, language, share) {
  const templates = random() < share.lines ? language.keyed : language.plain;
  return templates[Math.floor(random() * templates.length)](w);
}
const EXTENSIONS = Object.keys(LANGUAGES);

/** Fake secrets of formats keyhound's rules detect; each returns the line to plant. */
function planters(w) {
  const crc = (() => {
    const table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
    return (s) => {
      let c = 0xffffffff;
      for (let i = 0; i < s.length; i++) c = table[(c ^ s.charCodeAt(i)) & 0xff] ^ (c >>> 8);
      return (c ^ 0xffffffff) >>> 0;
    };
  })();
  const b62 = (n, width) => {
    let s = '';
    while (n > 0) {
      s = BASE62[n % 62] + s;
      n = Math.floor(n / 62);
    }
    return s.padStart(width, '0');
  };
  return {
    github: () => {
      const e = w.rand(BASE62, 30);
      return `GITHUB_TOKEN=ghp_${e}${b62(crc(e), 6)}`;
    },
    aws: () =>
      `aws_access_key_id = AKIA${w.rand('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}\naws_secret_access_key = ${w.rand(B64.replace('+', ''), 40)}`,
    slack: () => `SLACK_BOT_TOKEN=xoxb-${w.rand('0123456789', 12)}-${w.rand('0123456789', 13)}-${w.rand(BASE62, 24)}`,
    stripe: () => `stripe.api_key = "sk_live_${w.rand(BASE62, 99)}"`,
    generic: () => `API_KEY = "${w.rand(BASE62, 32)}"`,
    pem: () =>
      `-----BEGIN RSA PRIVATE KEY-----\n${Array.from({ length: 12 }, () => w.rand(B64, 64)).join('\n')}\n-----END RSA PRIVATE KEY-----`,
    beyondtrust: () =>
      `BT_API_HOST=${w.pick(WORDS)}.beyondtrustcloud.com\nBT_CLIENT_ID=${w.rand(HEX, 40)}\nBT_CLIENT_SECRET=${w.rand(B64, 44)}`,
  };
}

/** Builds the tree. Returns { files, bytes, planted }. */
export function generate(dir, { mb = 200, seed = 1, dense = false } = {}) {
  const random = seeded(seed);
  const share = dense ? KEY_SHARES.dense : KEY_SHARES.realistic;
  const w = makeWriter(random, share);
  const plant = planters(w);
  const kinds = Object.keys(plant);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const target = mb * 1024 * 1024;
  const planted = [];
  let bytes = 0;
  let files = 0;
  while (bytes < target) {
    const ext = w.pick(EXTENSIONS);
    const folder = path.join(dir, w.pick(WORDS), w.pick(WORDS));
    const name = `${w.ident()}-${files}.${ext}`;
    const lines = [];
    const size = 2000 + Math.floor(random() * 60000);
    let length = 0;
    while (length < size) {
      const line =
        random() < 0.002
          ? `var ${w.ident()}=function(){${Array.from({ length: 400 }, () => w.ident()).join(';')}};`
          : templateLine(w, random, LANGUAGES[ext], share);
      lines.push(line);
      length += line.length + 1;
    }
    // About one file in forty holds a secret.
    if (random() < 0.025) {
      const kind = w.pick(kinds);
      const at = Math.floor(random() * lines.length);
      lines.splice(at, 0, plant[kind]());
      planted.push({ path: path.relative(dir, path.join(folder, name)).split(path.sep).join('/'), kind });
    }
    const text = `${lines.join('\n')}\n`;
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, name), text);
    bytes += Buffer.byteLength(text);
    files++;
  }
  const manifest = {
    version: GENERATOR_VERSION,
    seed,
    mb,
    dense,
    files,
    bytes,
    planted,
    digest: createHash('sha256').update(JSON.stringify(planted)).digest('hex').slice(0, 12),
  };
  writeFileSync(path.join(dir, '.planted.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const dir = args[0];
  if (!dir) {
    console.error('usage: node bench/generate.mjs DIR [--mb N] [--seed N] [--dense]');
    process.exit(2);
  }
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const m = generate(dir, { mb: option('--mb', 200), seed: option('--seed', 1), dense: args.includes('--dense') });
  console.log(`generated ${m.files} files, ${(m.bytes / 1048576).toFixed(1)} MiB, ${m.planted.length} planted secrets in ${dir}`);
}
