import { decodeBase64, type Segment } from './decode.js';

/**
 * Formats that store credentials as base64 by design. Their values are decoded
 * whatever their length or entropy (a Kubernetes Secret's 12-character
 * password is as real as a 60-character token), and `user:password` values get
 * a synthesized `password=` line so that the password rules see a name next to
 * the value, as they would in a plain config file.
 */

/** Longest value decoded from a known format. */
const MAX_VALUE = 1 << 20;

function userPassword(decoded: string): string | undefined {
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1 || /[\r\n]/.test(decoded)) return undefined;
  return `${decoded}\npassword=${decoded.slice(colon + 1)}`;
}

function push(out: Segment[], start: number, encoded: string, basicAuth: boolean): void {
  if (encoded.length > MAX_VALUE) return;
  const decoded = decodeBase64(encoded);
  if (decoded === undefined || decoded.length === 0) return;
  const replacement = basicAuth ? userPassword(decoded) : decoded;
  if (replacement !== undefined) out.push({ start, end: start + encoded.length, encoding: 'base64', replacement });
}

/** Each match's `value` group is a base64 value; the `d` flag gives its offset. */
function eachValue(text: string, regex: RegExp, from: number, to: number, basicAuth: boolean, out: Segment[]): void {
  regex.lastIndex = 0;
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  for (let m = regex.exec(slice); m; m = regex.exec(slice)) {
    const span = m.indices?.groups?.value;
    if (span) push(out, from + span[0], m.groups!.value!, basicAuth);
  }
}

// RFC 7617 Basic credentials: `Authorization: Basic <base64 user:password>`.
const BASIC = /\bbasic[ \t]{1,4}(?<value>[A-Za-z0-9+/]{4,8192}={0,2})(?![A-Za-z0-9+/=])/dgi;
// Docker config.json: "auths": { "<registry>": { "auth": "<base64 user:password>" } } (also JSON inside strings).
const DOCKER_AUTH = /\\{0,3}"auth\\{0,3}"[ \t]{0,4}:[ \t]{0,4}\\{0,3}"(?<value>[A-Za-z0-9+/]{4,8192}={0,2})\\{0,3}"/dg;
// .npmrc: `_auth` is base64 user:password, `_password` base64 of the password alone.
const NPM_AUTH = /(?:^|:)_auth[ \t]{0,4}=[ \t]{0,4}["']?(?<value>[A-Za-z0-9+/]{4,8192}={0,2})(?![A-Za-z0-9+/=])/dgm;
const NPM_PASSWORD = /(?:^|:)_password[ \t]{0,4}=[ \t]{0,4}["']?(?<value>[A-Za-z0-9+/]{4,8192}={0,2})(?![A-Za-z0-9+/=])/dgm;
// Kubernetes Secret manifests, YAML or JSON.
const K8S_SECRET = /(?:^|[\s{,])["']?kind["']?[ \t]{0,4}:[ \t]{0,4}["']?Secret["']?(?![\w-])/m;
const YAML_DATA = /^([ \t]*)data:[ \t]*\r?$/gm;
const YAML_ENTRY = /^[ \t]+["']?[\w.-]{1,253}["']?:[ \t]{0,4}(?<quote>["']?)(?<value>[A-Za-z0-9+/]{1,1048576}={0,2})\k<quote>[ \t]*\r?$/dgm;
const JSON_DATA = /"data"[ \t\r\n]{0,8}:[ \t\r\n]{0,8}\{([^{}]{0,1048576})\}/dg;
const JSON_ENTRY = /"[\w.-]{1,253}"[ \t\r\n]{0,8}:[ \t\r\n]{0,8}"(?<value>[A-Za-z0-9+/]{1,1048576}={0,2})"/dg;

function kubernetesSecret(text: string, out: Segment[]): void {
  if (!K8S_SECRET.test(text)) return;
  YAML_DATA.lastIndex = 0;
  for (let block = YAML_DATA.exec(text); block; block = YAML_DATA.exec(text)) {
    const indent = block[1]!.length;
    const from = block.index + block[0].length;
    // The block's entries: the following lines indented deeper than `data:` (blank lines included).
    let to = from;
    while (to < text.length) {
      const next = text.indexOf('\n', to + 1);
      const lineEnd = next < 0 ? text.length : next;
      const line = text.slice(to + 1, lineEnd);
      if (line.trim() !== '' && /^[ \t]*/.exec(line)![0].length <= indent) break;
      to = lineEnd;
    }
    eachValue(text, YAML_ENTRY, from, to, false, out);
  }
  JSON_DATA.lastIndex = 0;
  for (let block = JSON_DATA.exec(text); block; block = JSON_DATA.exec(text)) {
    const span = block.indices![1]!;
    eachValue(text, JSON_ENTRY, span[0], span[1], false, out);
  }
}

/**
 * Values of known credential formats in `text`: each format is looked for only
 * when a literal it needs occurs, so most texts cost a few `indexOf` calls.
 */
export function findFormatSegments(text: string): Segment[] {
  const out: Segment[] = [];
  const has = (literal: string): boolean => text.includes(literal);
  if (has('Basic') || has('basic') || has('BASIC')) eachValue(text, BASIC, 0, text.length, true, out);
  if (has('"auths') || has('auths\\"')) eachValue(text, DOCKER_AUTH, 0, text.length, true, out);
  if (has('_auth')) eachValue(text, NPM_AUTH, 0, text.length, true, out);
  if (has('_password')) eachValue(text, NPM_PASSWORD, 0, text.length, false, out);
  if (has('Secret')) kubernetesSecret(text, out);
  return out;
}
