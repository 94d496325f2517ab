import { charsPerToken } from '../tokenizer.js';
import { nonSecretShape } from './shapes.js';
import type { Candidate, Filter, FilterContext } from './types.js';

/**
 * Filters for generic (keyword-assignment) rules, where the value could be
 * anything: drop names that do not name a secret (`monkey`, `sort_key`,
 * `token_url`), values shaped like code, paths, versions, digests and public
 * keys, and values that read like words rather than random bytes.
 */

/** Words that name a secret when they are a whole word of a variable name. */
const SECRET_WORDS = new Set([
  'key',
  'apikey',
  'token',
  'secret',
  'password',
  'passwd',
  'pwd',
  'pass',
  'passphrase',
  'credential',
  'credentials',
  'cred',
  'creds',
  'auth',
  'bearer',
]);

/**
 * Glued words ending in a secret word that are something else: `monkey`,
 * `hotkey`, `bypass`, `sortkey`. Other glued prefixes keep it a secret word
 * (`apikey`, `writekey`, `authtoken`, `dbpass`).
 */
const GLUED_NOT_SECRET =
  /^(?:mon|tur|whis|don|joc|hoc|hot|turn|latch|pub|public|sub|sort|partition|cache|primary|foreign|hash|range|row|routing|i18n|query|map|dict|lookup|dedup|by|com|sur|over|under|tres|encom|get|set|has|is|new|old|next|page|csrf|xsrf|de|re|un|mis|to|from|sync)$/;

/**
 * Words that, right before the secret word, say the value is not a secret:
 * public keys, database and cache keys, pagination and CSRF tokens.
 */
const NOT_SECRET_QUALIFIERS = new Set([
  'public',
  'pub',
  'publishable',
  'site',
  'partition',
  'sort',
  'range',
  'hash',
  'cache',
  'primary',
  'foreign',
  'row',
  'routing',
  'idempotency',
  'dedup',
  'deduplication',
  'i18n',
  'translation',
  'lookup',
  'map',
  'dict',
  'page',
  'next',
  'continuation',
  'cursor',
  'sync',
  'cancel',
  'cancellation',
  'csrf',
  'xsrf',
  'unique',
  'composite',
  'index',
  'lexer',
  'parser',
  'react',
  // Sec-WebSocket-Key: a handshake nonce (RFC 6455), sent in the clear.
  'socket',
  'websocket',
]);

/**
 * Words that, right before `token`, name a token that is no credential:
 * idempotency and change tokens (`ClientRequestToken`, `ChangeToken`,
 * `clientToken` in AWS APIs), lifecycle and agreement tokens.
 */
const NOT_SECRET_TOKEN_QUALIFIERS = new Set(['change', 'request', 'client', 'action', 'term', 'sync', 'resume', 'paging']);

/** Last words of a name that describe a secret (its URL, length, id) rather than hold it. */
const DESCRIBING_WORDS = new Set([
  'url',
  'uri',
  'path',
  'file',
  'filename',
  'dir',
  'field',
  'length',
  'len',
  'min',
  'max',
  'size',
  'policy',
  'algorithm',
  'algo',
  'regex',
  'pattern',
  'type',
  'name',
  'label',
  'hint',
  'prompt',
  'placeholder',
  'message',
  'msg',
  'header',
  'param',
  'endpoint',
  'expiry',
  'expires',
  'expiration',
  'ttl',
  'timeout',
  'count',
  'enabled',
  'required',
  'format',
  'mode',
  'version',
  'prefix',
  'suffix',
  'id',
  'ids',
  'uuid',
  'guid',
  'index',
  'idx',
  'location',
  'env',
  'var',
  'variable',
  'ref',
  'arn',
  'kind',
  'status',
  'provider',
  'source',
  'store',
  'manager',
  'service',
  'helper',
  'class',
  'method',
  'fn',
  'func',
  'callback',
  'handler',
  'validator',
  'validation',
  'error',
  'desc',
  'description',
  'title',
  'help',
  'text',
  'example',
  'sample',
  'usage',
  'doc',
  'docs',
  'link',
  'host',
  'port',
  'user',
  'username',
  'login',
  'email',
  'owner',
  'scope',
  'scopes',
  'audience',
  'issuer',
  'created',
  'updated',
  'date',
  'time',
  'at',
  'by',
  // A digest or description of a key, not the key: key_hash, KeyFingerprint, KeySpec, KeyStorageSecurityStandard.
  'hash',
  'hashed',
  'digest',
  'checksum',
  'sha',
  'md5',
  'fingerprint',
  'thumbprint',
  'etag',
  'crc',
  'spec',
  'standard',
  'alias',
]);

/** Where the identifier holding a generic match's keyword starts (`ABSTRACT_KEY`, `apiMaticKey`: before the keyword). */
function nameStart(candidate: Candidate, text: string): number {
  let from = candidate.start;
  while (from > 0 && candidate.start - from < 64 && /[A-Za-z0-9_.$-]/.test(text[from - 1]!)) from--;
  return from;
}

/** The variable name a generic match assigns to: identifier characters before the match, then the match up to its separator. */
export function variableName(candidate: Candidate, text: string): string {
  const from = nameStart(candidate, text);
  const name = text.slice(from, candidate.start) + candidate.match.slice(0, candidate.secretStart - candidate.start);
  return /^[^A-Za-z0-9]{0,3}([A-Za-z0-9_.$-]{1,160})/.exec(name)?.[1] ?? '';
}

/** The word before a name written in prose or a log (`Next page token: ...`), lower-cased. */
function wordBefore(candidate: Candidate, text: string): string | undefined {
  const from = nameStart(candidate, text);
  return /([A-Za-z]{2,20})[ \t]{1,2}$/.exec(text.slice(Math.max(0, from - 24), from))?.[1]?.toLowerCase();
}

/** Lower-case words of a name: `X-BillomatApiKey` → x, billomat, api, key; trailing digits dropped (`key2` → key). */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .map((word) => word.toLowerCase().replace(/\d+$/, ''))
    .filter((word) => word.length > 0);
}

function isSecretWord(word: string): boolean {
  if (SECRET_WORDS.has(word)) return true;
  for (const secret of SECRET_WORDS) {
    if (word.length > secret.length + 1 && word.endsWith(secret) && !GLUED_NOT_SECRET.test(word.slice(0, -secret.length))) return true;
  }
  return false;
}

/**
 * Why a generic rule's variable name does not name a secret, if it does not.
 * `previous`: the word before the name in prose (`Next page token:`), which may qualify it.
 */
export function nameProblem(name: string, previous?: string): string | undefined {
  const words = nameWords(name);
  if (words.length === 0) return undefined;
  // A lone "pwd" is the working directory in shells and editors far more often than a password.
  if (words.length === 1 && words[0] === 'pwd') return `the name "${name}" is the working directory in shell and editor code`;
  let last = -1;
  for (let i = words.length - 1; i >= 0; i--) {
    if (isSecretWord(words[i]!)) {
      last = i;
      break;
    }
  }
  if (last < 0) return `the name "${name}" holds no word for a secret (key, token, secret, password)`;
  const before = last > 0 ? words[last - 1] : previous;
  if (before !== undefined && (NOT_SECRET_QUALIFIERS.has(before) || (words[last] === 'token' && NOT_SECRET_TOKEN_QUALIFIERS.has(before))))
    return `the name "${name}" says "${before} ${words[last]}": not a secret`;
  const end = words[words.length - 1]!;
  if (last < words.length - 1 && DESCRIBING_WORDS.has(end))
    return `the name "${name}" ends in "${end}": it describes a secret, it is not one`;
  return undefined;
}

const SHAPES: { name: string; test: RegExp }[] = [
  // At least two words, split by case or a separator: a lone lower-case run may just as well be a random key (the BPE filter judges it).
  {
    name: 'a camelCase or snake_case identifier',
    test: /^_{0,2}[A-Za-z][a-z]{1,20}(?:(?:[A-Z]|[_.-][A-Za-z])[a-z]{1,20}){1,8}[0-9]{0,3}$|^_{0,2}[A-Z]{2,12}(?:[A-Z][a-z]{1,20}){1,8}$/,
  },
  // Segments are identifiers (digits only at their end), so dotted random tokens (JWT-like, Discord) do not fit.
  {
    name: 'a dotted or namespaced name',
    test: /^[A-Za-z_$][A-Za-z_$-]{0,40}\d{0,3}(?:(?:\.|::|->)[A-Za-z_$][A-Za-z_$-]{0,40}\d{0,3}){1,8}(?:\(\))?$/,
  },
  {
    name: 'a file path',
    test: /^(?:~|\.{1,2}|[A-Za-z]:)?[\\/](?:[\w .-]{1,64}[\\/]){0,20}[\w .-]{0,64}$|^[\w.-]{1,64}\.(?:json|ya?ml|toml|ini|txt|pem|key|crt|env|js|ts|py|rb|go|java|xml|conf|cfg|properties|sh)$|^(?:[\w.-]{1,64}\/){1,20}(?:[\w-]{1,64}\.[A-Za-z0-9*]{1,8})?$/i,
  },
  { name: 'a URL without credentials', test: /^[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:@/]{1,253}(?:[/?#][^\s]{0,400})?$/i },
  { name: 'a version string', test: /^v?\d{1,4}(?:\.\d{1,6}){1,3}(?:[-+][\w.-]{1,40})?$/ },
  { name: 'a hash digest with its algorithm', test: /^(?:sha1|sha256|sha384|sha512|md5)[-:][A-Za-z0-9+/=]{16,128}$/i },
  {
    name: 'an environment or template reference',
    test: /^(?:env|process\.env|os\.environ|secrets|vars|settings|config)\b|^[$%@&*][{A-Za-z_]/i,
  },
  {
    name: 'a function call or expression',
    test: /^[\w.$]{1,80}(?:\(.{0,200}\)|\[[^\]]{0,80}\])[\w.$()[\]-]{0,80}[;,]?$|^(?:true|false|null|none|nil|undefined)$/i,
  },
  { name: 'a regular expression', test: /a-z|A-Z|0-9|\\[dws]/ },
  // Hex literals up to 64 bits are numbers and addresses (`key=0x55b3ea894360` in a debugger backtrace), not keys.
  { name: 'a number', test: /^[+-]?\d{1,30}(?:\.\d{1,30})?$|^0x[0-9a-fA-F]{1,16}$/ },
  // `pass "-std=gnu99"`: prose and build scripts pass options; a password is not spelled as one.
  { name: 'a command-line option', test: /^--[a-z][a-z0-9-]{1,40}(?:=\S{0,80})?$|^-[a-z][a-z0-9-]{0,40}=\S{1,80}$/ },
  { name: 'a date or time', test: /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?/ },
];

/** A string literal used as a format template: `"VS%0.f0TOOLS" % version`, `"{}-{}".format(a, b)`. */
const FORMAT_USE = /^["'`][ \t]{0,2}(?:%[ \t(]|\.format\()/;

/** Upper-case words that stand for a value in documentation: `KEY1=VALUE1`, `token=YOUR_TOKEN`. */
const SPELLED_PLACEHOLDER = /(?<![A-Z])(?:VALUE|TOKEN|SECRET|PASSWORD|APIKEY)(?![A-Z])/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A base64 DER public key or certificate (SubjectPublicKeyInfo, X.509): an
 * outer SEQUENCE whose first element is another SEQUENCE. Private keys
 * (PKCS#1, PKCS#8) start with an INTEGER version instead.
 */
export function isPublicKeyDer(value: string): boolean {
  if (!/^MI[A-Za-z0-9+/]{20}|^M[A-H][A-Za-z0-9+/]{20}/.test(value)) return false;
  const bytes = Buffer.from(value.slice(0, 24), 'base64');
  if (bytes[0] !== 0x30) return false;
  const lengthBytes = bytes[1]! & 0x80 ? bytes[1]! & 0x7f : 0;
  const inner = 2 + lengthBytes;
  return bytes[inner] === 0x30;
}

/** Lock files and checksum lists carry hex and base64 digests under names like `integrity` and `checksum`. */
const DIGEST_FILES =
  /(?:^|\/)(?:package-lock\.json|yarn\.lock|pnpm-lock\.yaml|go\.sum|Cargo\.lock|Gemfile\.lock|poetry\.lock|composer\.lock|[\w.-]*\.sha(?:1|256|512)(?:sum)?)$/;

/** At or above this many characters per BPE token a string reads as words, not a key (docs/detection.md, "Rare, not random": identifiers 4-6, keys 1.0-1.8). */
export const WORDLIKE_CHARS_PER_TOKEN = 2.5;

/** The name check (generic provider rules only: provider rules name their provider, not a variable). */
export const genericNameFilter: Filter = (candidate, context) => {
  if (!candidate.rule.spec.generic) return undefined;
  const name = variableName(candidate, context.text);
  if (candidate.rule.spec.providerKey === 'generic') {
    const problem = nameProblem(name, wordBefore(candidate, context.text));
    if (problem) return { filter: 'shape', reason: problem };
  } else {
    const end = nameWords(name).at(-1);
    if (end && DESCRIBING_WORDS.has(end) && nameWords(name).length > 1)
      return { filter: 'shape', reason: `the name "${name}" ends in "${end}": it describes a secret, it is not one` };
  }
  return undefined;
};

/** Value shapes: code, paths, URLs, versions, digests, UUIDs, public keys. */
export const genericValueFilter: Filter = (candidate, context) => {
  if (!candidate.rule.spec.generic) return undefined;
  const secret = candidate.secret;
  for (const shape of SHAPES) {
    if (shape.test.test(secret)) return { filter: 'shape', reason: `looks like ${shape.name}` };
  }
  // Many API keys are UUIDs: under a name that says key or token (generic rules) a UUID stays a candidate.
  const spelled = SPELLED_PLACEHOLDER.exec(secret);
  if (spelled) return { filter: 'shape', reason: `spells out "${spelled[0]}": a template value, not a key` };
  if (UUID.test(secret) && candidate.rule.spec.providerKey !== 'generic') return { filter: 'shape', reason: 'looks like a UUID' };
  if (isPublicKeyDer(secret)) return { filter: 'shape', reason: 'a DER public key or certificate (base64): public, not a secret' };
  if (/[%{]/.test(secret) && FORMAT_USE.test(context.text.slice(candidate.secretEnd, candidate.secretEnd + 12)))
    return { filter: 'shape', reason: 'a format template (followed by % or .format)' };
  if (DIGEST_FILES.test(context.chunk.origin.path)) return { filter: 'shape', reason: 'a digest in a lock or checksum file' };
  const shape = nonSecretShape(candidate, context);
  if (shape) return { filter: 'shape', reason: shape };
  // `{{token:NAME}}`, `{{ .Values.token }}`: the name and value are template syntax, not an assignment.
  // (`${TOKEN:-default}` stays: a shell default is a hard-coded value.)
  if (/\{[{%][ \t]{0,2}[\w.-]{0,40}$/.test(context.text.slice(Math.max(0, candidate.start - 44), candidate.start)))
    return { filter: 'shape', reason: 'inside template syntax ({{ }}, {% %})' };
  return undefined;
};

export const genericShapeFilter: Filter = (candidate: Candidate, context: FilterContext) =>
  genericNameFilter(candidate, context) ?? genericValueFilter(candidate, context);

export const wordlikeFilter: Filter = (candidate) => {
  if (!candidate.rule.spec.generic) return undefined;
  const ratio = charsPerToken(candidate.secret);
  if (ratio < WORDLIKE_CHARS_PER_TOKEN) return undefined;
  return {
    filter: 'wordlike',
    reason: `reads like words, not a key: ${ratio.toFixed(2)} characters per BPE token >= ${WORDLIKE_CHARS_PER_TOKEN}`,
  };
};
