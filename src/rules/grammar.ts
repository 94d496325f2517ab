/**
 * The shared grammar of "name → value" contexts (docs/rules.md, "Context
 * grammar"). A context rule writes the name it looks for, then `{{assign}}`,
 * then its value: `accuweather[\w-]{0,20}?key{{assign}}(?<secret>[A-Za-z0-9]{32})`.
 * Loading expands `{{assign}}` into {@link ASSIGN}, so every rule that uses it
 * finds its key in the same syntaxes: `VENDOR_KEY=…`, `vendorKey := "…"`,
 * `<VendorKey>…</VendorKey>`, `--vendor-key …`, `ENV VENDOR_KEY …`, and the rest
 * of the table below. One place to extend, one table test (test/rules/grammar.test.ts).
 *
 * Written for a backtracking engine: every repetition is bounded, nothing here
 * repeats a group, and whitespace after an operator never crosses a line (an
 * empty `KEY=` must not take the next line as its value), except where the
 * syntax itself continues on the next line (YAML block scalars, a Kubernetes
 * `name:` / `value:` pair).
 *
 * Written to be cheap, too (docs/performance.md, "The context grammar's cost"):
 * the grammar is tried wherever a rule's name part ends, so each lookbehind
 * comes after a check of the next character (`>` taken first, `(?=[ \t])`),
 * and {@link ONCE} keeps the compiled code small. Engines try
 * {@link ASSIGN_START} before all of it (src/rules/gate.ts).
 */

/**
 * An empty lookahead: it matches everywhere and changes no match, but V8's
 * regex compiler emits the code after it once, where it would otherwise emit a
 * copy for each way into it (after an optional piece, a short repetition, each
 * alternative). The few below cut a context rule's compiled code from 55 to
 * 16 KB; compiling the rules was most of what the grammar cost.
 */
const ONCE = '(?=)';

/** What may close the name: a quote (escaped in JSON-in-a-string), then `]` or `)` (`env["KEY"]`, `getenv("KEY")`). */
const CLOSE_NAME = String.raw`(?:\\{0,3}["'\x60])?[\])]?`;

/**
 * Operators between a name and its value: `=`, `:`, `:=`, `::=`, `:::=`, `=>`,
 * `?=`, `+=`, `||=`, comparisons (`==`, `!=`, `===`), R's `<-`, and the shell
 * default `${NAME:-value}`. Spaces before may align a block (up to 32).
 */
const OPERATOR = String.raw`[ \t]{0,32}(?:::?:?=|\|\|=|[?+]=|=>|[=!]==?|=(?!=)|:-|:(?!:)|<-)`;

/** `name: Type = value` (Kotlin, Swift, TypeScript, Rust, Scala) and `name Type = value` (Go). */
const TYPED = String.raw`\??:[ \t]{0,4}&?'?[A-Za-z_][\w<>\[\]&'.?*]{0,40}[ \t]{0,4}=(?![=>])|[ \t]{1,4}${ONCE}[A-Za-z_][\w.*\[\]]{0,30}[ \t]{0,4}=(?![=>])`;

/** The closing `>` of an XML element named like the secret (`<ApiToken>`, Android `<string name="api_key">`). */
const XML_ELEMENT = String.raw`>(?<=<[\w.:-]{1,80}>|[Nn]ame=["'][\w.:-]{1,80}["']>)`;

/**
 * A value in the next attribute or field: .NET `<add key="ApiToken" value="…"/>`,
 * Spring `<property name="apiToken" value="…"/>`, Kubernetes and ECS `- name: API_TOKEN` /
 * `value: …`, JSON `{"name": "API_TOKEN", "value": "…"}`.
 */
const VALUE_FIELD = String.raw`[ \t]{0,4},?\s{1,40}["']?[Vv]alue["']?[ \t]{0,4}[:=]`;

/** Hard-coded fallbacks: `process.env.TOKEN || "…"`, `getenv("TOKEN") or "…"`, `?? "…"`. */
const FALLBACK = String.raw`[ \t]{0,4}(?:\|\||\?\?|or)\s{1,8}(?=["'\x60])`;

/**
 * Call arguments whose first is the quoted name: `getenv("TOKEN", "…")`,
 * `put("apiToken", "…")`, `("token", "…")`. Not lists of strings
 * (`['api_key', 'api_secret']`) and not unquoted arguments (`connect(auth, 'http://…')`).
 */
const ARGUMENT = String.raw`(?=[ \t]{0,4},)(?<=\([ \t]{0,2}["'][\w.:-]{1,80}["'])[ \t]{0,4},[ \t]{0,4}(?=["'\x60])`;

/**
 * Whitespace alone separates name and value after a command-line flag
 * (`--api-token …`, `-token …`) and in a few configuration syntaxes:
 * Dockerfile `ENV`/`ARG`, Apache `SetEnv`, Windows `setx`, fish `set -x`,
 * nginx `fastcgi_param` and `proxy_set_header`.
 */
const SPACED = String.raw`(?=[ \t])(?:(?<=(?:^|[\s"'=(])--?[\w.-]{1,80})[ \t]{1,4}|(?<=(?:^|\n)[ \t]{0,8}${ONCE}(?:ENV|ARG|env|arg|SetEnv|setx|set[ \t]{1,4}-${ONCE}[gxU]{1,3}${ONCE}|fastcgi_param|proxy_set_header)${ONCE}[ \t]{1,4}[\w.-]{1,80}["']?)[ \t]{1,8})`;

/** Prose and logs: `token - …`, `your key is …`, and a name followed by a quoted value (`kraken '…'`). */
const PROSE = String.raw`[ \t]{1,4}${ONCE}(?:-|is)[ \t]{1,4}|[ \t]{1,4}(?=["'\x60])`;

/** An authentication scheme before the value: `X-Api-Key: Token …`, `Authorization: Bearer …`. */
const SCHEME = String.raw`(?:(?:[Bb]earer|[Tt]oken|Bot|Api-?Key)${ONCE}[ \t]{1,2})?`;

/**
 * A YAML block scalar (`key: |` then the value indented on the next line), a
 * quoted value wrapped onto the next, indented line (`const apiKey =` / `  "…";`,
 * as Prettier writes long strings), or a list's opening bracket.
 */
const BLOCK = String.raw`(?:[|>][-+]?[ \t]{0,4}\r?\n[ \t]{1,40}|\r?\n[ \t]{1,40}(?=["'\x60])|\[[ \t]{0,2})?`;

/** What may open the value: a quote (escaped, or with a string prefix: `@"…"`, `r'…'`, `b"…"`), or `&quot;`; a space or two may pad it (`' key '`). */
const OPEN_VALUE = String.raw`(?:(?:\\{0,3}["'\x60]|[@rbuRB]["']|&quot;)${ONCE}[ \t]{0,2})?`;

/** The separators between a name and its value, one regex source each, in the order {@link ASSIGN} tries them. */
export const SEPARATORS: readonly string[] = [OPERATOR, TYPED, XML_ELEMENT, VALUE_FIELD, FALLBACK, ARGUMENT, SPACED, PROSE];

/**
 * The piece between a name and its value, as a regex source: {@link CLOSE_NAME},
 * one of the separators, then {@link SCHEME}, {@link BLOCK} and {@link OPEN_VALUE}.
 * It ends where the value begins.
 */
export const ASSIGN = `${CLOSE_NAME}${ONCE}(?:${SEPARATORS.join('|')})[ \\t]{0,4}${SCHEME}${ONCE}${BLOCK}${ONCE}${OPEN_VALUE}${ONCE}`;

/**
 * What must follow a name for {@link ASSIGN} to match there: {@link CLOSE_NAME},
 * then a character a separator can start with (whitespace, an operator's first
 * character, `>`, `,`, or the `o` of `or`). Engines try it before the whole
 * grammar (src/rules/gate.ts); test/rules/gate.test.ts checks every
 * separator against it.
 */
export const ASSIGN_START = String.raw`${CLOSE_NAME}[\s:|?+=!<>,o]`;

/** The macros a rule pattern may use, with what they expand to. */
export const PATTERN_MACROS: Readonly<Record<string, string>> = {
  assign: `(?:${ASSIGN})`,
};

const MACRO = /\{\{([a-z]{1,20})\}\}/g;

/**
 * Expands `{{assign}}` in a rule pattern. Unknown macros throw, naming the
 * macro; a pattern without macros comes back unchanged.
 */
export function expandPatternMacros(pattern: string): string {
  if (!pattern.includes('{{')) return pattern;
  return pattern.replace(MACRO, (whole, name: string) => {
    const expansion = PATTERN_MACROS[name];
    if (expansion === undefined) throw new Error(`unknown macro ${whole} (known: ${Object.keys(PATTERN_MACROS).map((m) => `{{${m}}}`).join(', ')})`);
    return expansion;
  });
}

/**
 * The inverse of {@link expandPatternMacros} for a pattern it expanded: each
 * expansion folded back into its macro. The bundles carry built-in patterns
 * this way (scripts/build.mjs), since hundreds of copies of the grammar would
 * add 0.4 MB that every start of the CLI parses.
 */
export function compactPatternMacros(pattern: string): string {
  let out = pattern;
  for (const [name, expansion] of Object.entries(PATTERN_MACROS)) out = out.replaceAll(expansion, `{{${name}}}`);
  return out;
}
