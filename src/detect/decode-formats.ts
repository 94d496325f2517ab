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

/**
 * A sticky `regex` tried at `at`: the formats below find their places with
 * indexOf (a literal search), never with a regex pass over every text that
 * merely contains a common word.
 */
function valueAt(text: string, at: number, regex: RegExp, basicAuth: boolean, out: Segment[]): void {
  regex.lastIndex = at;
  const m = regex.exec(text);
  const span = m?.indices?.groups?.value;
  if (span) push(out, span[0], m.groups!.value!, basicAuth);
}

const isWordChar = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

// RFC 7617 Basic credentials: `Authorization: Basic <base64 user:password>`.
const BASIC = /(?:Basic|basic|BASIC)[ \t]{1,4}(?<value>[A-Za-z0-9+/]{4,8192}={0,2})(?![A-Za-z0-9+/=])/dy;
// Docker config.json: "auths": { "<registry>": { "auth": "<base64 user:password>" } } (also JSON inside strings).
const DOCKER_AUTH = /\\{0,3}"auth\\{0,3}"[ \t]{0,4}:[ \t]{0,4}\\{0,3}"(?<value>[A-Za-z0-9+/]{4,8192}={0,2})\\{0,3}"/dg;
// .npmrc: `_auth` is base64 user:password, `_password` base64 of the password alone; each at a line start or after `:`.
const NPM_AUTH = /_auth[ \t]{0,4}=[ \t]{0,4}["']?(?<value>[A-Za-z0-9+/]{4,8192}={0,2})(?![A-Za-z0-9+/=])/dy;
const NPM_PASSWORD = /_password[ \t]{0,4}=[ \t]{0,4}["']?(?<value>[A-Za-z0-9+/]{4,8192}={0,2})(?![A-Za-z0-9+/=])/dy;
// Kubernetes Secret manifests, YAML or JSON.
const K8S_KIND = /(?:^|[^\w-])["']?kind["']?[ \t]{0,4}:[ \t]{0,4}["']?Secret(?:["']|\s|$)/;
const YAML_DATA = /^([ \t]*)data:[ \t]*\r?$/gm;
const YAML_ENTRY = /^[ \t]+["']?[\w.-]{1,253}["']?:[ \t]{0,4}(?<quote>["']?)(?<value>[A-Za-z0-9+/]{1,1048576}={0,2})\k<quote>[ \t]*\r?$/dgm;
const JSON_DATA = /"data"[ \t\r\n]{0,8}:[ \t\r\n]{0,8}\{([^{}]{0,1048576})\}/dg;
const JSON_ENTRY = /"[\w.-]{1,253}"[ \t\r\n]{0,8}:[ \t\r\n]{0,8}"(?<value>[A-Za-z0-9+/]{1,1048576}={0,2})"/dg;

/** `kind: Secret` (YAML) or `"kind": "Secret"` (JSON), found from its rarer word. */
function isKubernetesSecret(text: string): boolean {
  for (let at = text.indexOf('Secret'); at >= 0; at = text.indexOf('Secret', at + 1)) {
    const from = Math.max(0, at - 16);
    if (K8S_KIND.test(text.slice(from, at + 8)) && !isWordChar(text.charCodeAt(at + 6))) return true;
  }
  return false;
}

function kubernetesSecret(text: string, out: Segment[]): void {
  if (!isKubernetesSecret(text)) return;
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
 * Lower-case literals that tell which formats may occur, in the bit order of
 * `hints` below. The engine's keyword pass finds them along with the rules'
 * keywords, so a text none of them occur in costs nothing here.
 */
export const FORMAT_HINTS = ['basic ', '"auths', '_auth', '_password', 'apiversion'] as const;
const ALL_HINTS = (1 << FORMAT_HINTS.length) - 1;

/**
 * Values of known credential formats in `text`. `hints` (bits in the order of
 * FORMAT_HINTS; default all) says which formats' literals occur at all.
 */
export function findFormatSegments(text: string, hints = ALL_HINTS): Segment[] {
  const out: Segment[] = [];
  if (hints & 1) {
    for (const needle of ['Basic ', 'basic ', 'BASIC ']) {
      for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
        if (at === 0 || !isWordChar(text.charCodeAt(at - 1))) valueAt(text, at, BASIC, true, out);
      }
    }
  }
  // `"auths` also finds `\"auths\"`, the same JSON inside a string.
  if (hints & 2) eachValue(text, DOCKER_AUTH, 0, text.length, true, out);
  // .npmrc keys start a line or follow a registry prefix (`//host/:_auth=`).
  for (const [bit, key, regex, basicAuth] of [
    [4, '_auth', NPM_AUTH, true],
    [8, '_password', NPM_PASSWORD, false],
  ] as const) {
    if (!(hints & bit)) continue;
    for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
      const before = at === 0 ? 10 : text.charCodeAt(at - 1);
      if (before === 10 || before === 13 || before === 58) valueAt(text, at, regex, basicAuth, out);
    }
  }
  // Every manifest names its apiVersion.
  if (hints & 16) kubernetesSecret(text, out);
  return out;
}
