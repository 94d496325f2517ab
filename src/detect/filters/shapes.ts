import type { Candidate, FilterContext } from './types.js';

/**
 * Shapes of values that generic rules pick up under a secret's name and that
 * are not secrets (docs/detection.md, "Generic rules"): constants, member
 * paths, tool output, protocol nonces and pins, hashes next to their role,
 * string concatenations, ARNs, public keys. Each check is cheap and runs only
 * for generic rules, after the older shapes in generic.ts.
 */

/**
 * `CURLKHTYPE_RSA`, `ECC_NIST_P521`, `FIPS_140_2_LEVEL_2_OR_HIGHER`: an enum
 * member or constant's name. Its parts are word-sized, and a part that mixes
 * letters and digits is short (`P521`); keys that start with a word and an
 * underscore (`API_KEYN2B1NFN5CP6...`) have a long random part.
 */
function isConstantName(value: string): boolean {
  if (!/^_{0,2}[A-Z][A-Z0-9]{0,40}(?:_{1,2}[A-Z0-9]{1,40}){1,12}$/.test(value)) return false;
  return value
    .split('_')
    .filter(Boolean)
    .every((part) => part.length <= 16 && (!/\d/.test(part) || /^\d+$/.test(part) || part.length <= 6));
}

/** One segment of a member path that reads as a name: `MaxKey`, `maxKey`, `max_key`, `MAX_KEY`, `SECP256R1`. */
const NAME_SEGMENT =
  /^(?:[A-Z]?[a-z]{1,20}(?:[A-Z][a-z0-9]{0,20}){0,8}|[a-z]{1,20}(?:_[a-z0-9]{1,20}){1,8}|[A-Z][A-Z0-9]{1,30}(?:_[A-Z0-9]{1,30}){0,8})$/;

/** Member access in code: identifier segments joined by dots, the last one a name (`commonJQ8N46C__node.MaxKey`, `ec.SECP256R1`). */
function isMemberPath(value: string): boolean {
  if (!/^[A-Za-z_$][\w$]{0,60}(?:\.[A-Za-z_$][\w$]{0,60}){1,8}$/.test(value)) return false;
  return NAME_SEGMENT.test(value.slice(value.lastIndexOf('.') + 1));
}

/** `swf:version.`, `type:AWS_OWNED_KMS_KEY`: a namespace and a name, in prose or policy documentation. */
const NAMESPACED =
  /^[a-z][\w-]{0,20}:(?:[a-z]{2,20}|[a-z]{1,20}(?:[A-Z][a-z]{1,20}){1,6}|[A-Z][A-Z0-9_]{1,40}|\d{1,3})(?:\.(?:[a-z]{2,20}|[a-z]{1,20}(?:[A-Z][a-z]{1,20}){1,6}|[A-Z][A-Z0-9_]{1,40}|\d{1,3})){0,6}\.?$/;

/** Compiler, linter and type-checker output: `file.py:12:5: error ...`, `ERROR ... [missing-attribute]`. */
const TOOL_OUTPUT =
  /(?:^|\s)\[[a-z]{2,30}(?:-[a-z]{2,30}){1,5}\][ \t]*$|^[ \t]{0,8}(?:ERROR|WARN(?:ING)?|error|warning)(?::|[ \t]{1,4}\S{1,200}:\d{1,7}(?::\d{1,5})?)|^[\w./\\-]{1,200}:\d{1,7}:\d{1,5}:[ \t]{1,4}(?:error|warning|note)\b/;

/** A SigV4 credential scope: access key id / date / region / service / aws4_request (the key id alone is not secret). */
const SIGV4_SCOPE = /\/\d{8}\/[a-z0-9-]{2,30}\/[a-z0-9-]{2,40}\/aws4_request$/;

/** A public-key pin (`--pinnedpubkey sha256//...`, HPKP): the hash of a public key. */
const KEY_PIN = /^sha(?:256|384|512)\/\/[A-Za-z0-9+/]{43,88}={0,2}(?:;sha(?:256|384|512)\/\/[A-Za-z0-9+/=]{43,90}){0,8}$/;

/** Hex and base64 lengths of MD5, SHA-1, SHA-224, SHA-256, SHA-384 and SHA-512 digests. */
const DIGEST_VALUE =
  /^(?:[a-f0-9]{32}|[a-f0-9]{40}|[a-f0-9]{56}|[a-f0-9]{64}|[a-f0-9]{96}|[a-f0-9]{128}|[A-Za-z0-9+/]{43}=|[A-Za-z0-9+/]{86}==|[A-Za-z0-9+/_-]{43})$/i;

/** Words that give a digest its role: a digest under them is a checksum, not a key. */
const DIGEST_ROLE =
  /(?:integrity|checksum|digest|hash|sha-?(?:1|224|256|384|512)|md5|etag|fingerprint|thumbprint|crc32c?)["']?[ \t]{0,4}[:=,(]?[^\n]{0,40}$/i;

/** `"...key=" + resIdMatch + "..."`: the "value" is the code between two strings. */
const CONCATENATION = /^[+.&][ \t]{0,2}[A-Za-z_$][\w$.[\]]{0,80}[ \t]{0,2}[+.&]?$|^[A-Za-z_$][\w$.[\]]{0,80}[ \t]{0,2}\+$/;

/** The end of an ARN before a name: `arn:aws:secretsmanager:us-west-2:123456789012:secret:` (a resource name follows). */
const ARN_BEFORE = /(?:arn:aws[\w-]{0,20}|&region-arn;)[^\s"']{0,100}:$/;

/** A regular-expression literal: `/^true|false|0|1$/`. */
const REGEX_LITERAL = /^\/.{1,200}\/[dgimsuy]{0,6}$/;

/** An uncompressed elliptic-curve public key (65 bytes starting with 0x04), as VAPID and WebPush print them in base64url. */
function isUncompressedEcPoint(value: string): boolean {
  if (!/^B[A-Za-z0-9_-]{86}$/.test(value)) return false;
  const bytes = Buffer.from(value, 'base64url');
  return bytes.length === 65 && bytes[0] === 0x04;
}

/** Why a generic candidate's value, seen in its context, is not a secret; undefined when it may be one. */
export function nonSecretShape(candidate: Candidate, context: FilterContext): string | undefined {
  const value = candidate.secret;
  const before = context.text.charCodeAt(candidate.secretStart - 1);
  const quoted = before === 34 || before === 39 || before === 96;
  if (isConstantName(value)) return 'looks like a constant or enum member (ALL_CAPS_WITH_UNDERSCORES)';
  if (!quoted && isMemberPath(value)) return 'looks like member access in code (a dotted path of names)';
  if (NAMESPACED.test(value)) return 'looks like a namespaced name (prefix:name)';
  if (REGEX_LITERAL.test(value) && /[|^$\\()]/.test(value)) return 'looks like a regular expression literal';
  if (CONCATENATION.test(value)) return 'a string concatenation: the code between two strings, not a value';
  if (SIGV4_SCOPE.test(value)) return 'a SigV4 credential scope (key id, date, region, service): no secret in it';
  if (KEY_PIN.test(value)) return 'a public-key pin (sha256//...): the hash of a public key';
  if (/^my[_-][A-Za-z0-9]{2,60}$/.test(value)) return 'a documentation placeholder (my_...)';
  if (isUncompressedEcPoint(value)) return 'an uncompressed elliptic-curve public key (VAPID, WebPush): public';
  const lineStart = context.text.lastIndexOf('\n', candidate.start - 1) + 1;
  const prefix = context.text.slice(Math.max(lineStart, candidate.start - 120), candidate.start);
  if (ARN_BEFORE.test(prefix)) return 'part of an ARN: a resource name, not a secret';
  if (DIGEST_VALUE.test(value) && DIGEST_ROLE.test(context.text.slice(Math.max(lineStart, candidate.start - 60), candidate.secretStart)))
    return 'a digest next to the word for its role (integrity, checksum, digest, sha256, ...)';
  const lineEnd = context.text.indexOf('\n', candidate.secretEnd);
  const line = context.text.slice(lineStart, lineEnd < 0 ? context.text.length : lineEnd);
  if (line.length <= 2000 && TOOL_OUTPUT.test(line)) return 'a line of compiler, linter or type-checker output';
  return undefined;
}
