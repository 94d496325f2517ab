import { charsPerToken } from '../tokenizer.js';
import type { Filter } from './types.js';

/**
 * Filters for generic (keyword-assignment) rules, where the value could be
 * anything: drop values shaped like code, paths, versions and digests, and
 * values that read like words rather than random bytes.
 */
const SHAPES: { name: string; test: RegExp }[] = [
  { name: 'a camelCase or snake_case identifier', test: /^[A-Za-z][a-z]{1,20}(?:[A-Z_.-]?[A-Za-z][a-z]{1,20}){1,8}[0-9]{0,3}$/ },
  { name: 'a dotted or namespaced name', test: /^[A-Za-z_][\w-]{0,40}(?:(?:\.|::|->)[A-Za-z_][\w-]{0,40}){1,8}(?:\(\))?$/ },
  { name: 'a file path', test: /^(?:~|\.{1,2}|[A-Za-z]:)?[\\/](?:[\w .-]{1,64}[\\/]){0,20}[\w .-]{0,64}$|^[\w.-]{1,64}\.(?:json|ya?ml|toml|ini|txt|pem|key|crt|env|js|ts|py|rb|go|java|xml|conf|cfg|properties|sh)$/i },
  { name: 'a URL without credentials', test: /^[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:@/]{1,253}(?:[/?#][^\s]{0,400})?$/i },
  { name: 'a version string', test: /^v?\d{1,4}(?:\.\d{1,6}){1,3}(?:[-+][\w.-]{1,40})?$/ },
  { name: 'a UUID', test: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i },
  { name: 'a hash digest with its algorithm', test: /^(?:sha1|sha256|sha384|sha512|md5)[-:][A-Za-z0-9+/=]{16,128}$/i },
  { name: 'an environment or template reference', test: /^(?:env|process\.env|os\.environ|secrets|vars|settings|config)\b/i },
  { name: 'a function call or expression', test: /[()[\]]|^(?:true|false|null|none|nil|undefined)$/i },
  { name: 'a number', test: /^[+-]?\d{1,30}(?:\.\d{1,30})?$/ },
  { name: 'a date or time', test: /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?/ },
];

/** Lock files and checksum lists carry hex and base64 digests under names like `integrity` and `checksum`. */
const DIGEST_FILES = /(?:^|\/)(?:package-lock\.json|yarn\.lock|pnpm-lock\.yaml|go\.sum|Cargo\.lock|Gemfile\.lock|poetry\.lock|composer\.lock|[\w.-]*\.sha(?:1|256|512)(?:sum)?)$/;

/** At or above this many characters per BPE token a string reads as words, not a key (DESIGN.md: identifiers 4-6, keys 1.0-1.8). */
export const WORDLIKE_CHARS_PER_TOKEN = 3;

/** Variable names that hold something about a secret (its URL, length, hash algorithm), not the secret. */
const DESCRIBING_NAME = /(?:url|uri|path|file|dir|field|length|len|min|max|size|policy|algorithm|algo|regex|pattern|type|name|label|hint|prompt|placeholder|message|msg|header|param|endpoint|expiry|expires|expiration|ttl|timeout|count|enabled|required|format|mode|version|prefix|suffix)[_.-]?\d{0,2}["'\]]?\s{0,4}(?::=|=>|=|:|\s)\s{0,4}["'`[]{0,2}$/i;

export const genericShapeFilter: Filter = (candidate, context) => {
  if (!candidate.rule.spec.generic) return undefined;
  const secret = candidate.secret;
  const name = candidate.match.slice(0, candidate.secretStart - candidate.start);
  const describing = DESCRIBING_NAME.exec(name);
  if (describing) return { filter: 'shape', reason: `the variable name ends in "${describing[0].replace(/[^A-Za-z]+$/, '')}": it describes a secret, it is not one` };
  for (const shape of SHAPES) {
    if (shape.test.test(secret)) return { filter: 'shape', reason: `looks like ${shape.name}` };
  }
  if (DIGEST_FILES.test(context.chunk.origin.path)) return { filter: 'shape', reason: 'a digest in a lock or checksum file' };
  return undefined;
};

export const wordlikeFilter: Filter = (candidate) => {
  if (!candidate.rule.spec.generic) return undefined;
  const ratio = charsPerToken(candidate.secret);
  if (ratio === undefined || ratio < WORDLIKE_CHARS_PER_TOKEN) return undefined;
  return { filter: 'wordlike', reason: `reads like words, not a key: ${ratio.toFixed(2)} characters per BPE token >= ${WORDLIKE_CHARS_PER_TOKEN}` };
};
