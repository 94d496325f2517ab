/**
 * The syntaxes of "name → value" that every context rule must read
 * (src/rules/grammar.ts, docs/rules.md "Context grammar"). Each renders a
 * name and a value into a line (or a few) as real files write them; `casing`
 * says how that syntax usually spells the name.
 */

export type Casing = 'upper' | 'camel' | 'pascal' | 'kebab' | 'snake' | 'original';

export interface Syntax {
  name: string;
  casing: Casing;
  render: (name: string, value: string) => string;
}

export const SYNTAXES: readonly Syntax[] = [
  { name: '.env', casing: 'upper', render: (n, v) => `${n}=${v}` },
  { name: 'shell export', casing: 'upper', render: (n, v) => `export ${n}="${v}"` },
  { name: 'YAML', casing: 'snake', render: (n, v) => `  ${n}: ${v}` },
  { name: 'YAML quoted', casing: 'snake', render: (n, v) => `${n}: '${v}'` },
  { name: 'YAML block scalar', casing: 'snake', render: (n, v) => `${n}: |\n  ${v}\nnext: 1` },
  { name: 'JSON', casing: 'camel', render: (n, v) => `{"${n}": "${v}", "x": 1}` },
  { name: 'JSON in a string', casing: 'camel', render: (n, v) => `body = "{\\"${n}\\":\\"${v}\\"}"` },
  { name: 'TOML / HCL / Python', casing: 'snake', render: (n, v) => `${n} = "${v}"` },
  { name: 'INI / .properties', casing: 'snake', render: (n, v) => `${n} = ${v}` },
  { name: 'Go :=', casing: 'camel', render: (n, v) => `\t${n} := "${v}"` },
  { name: 'Go typed var', casing: 'camel', render: (n, v) => `var ${n} string = "${v}"` },
  { name: 'Kotlin / Swift typed', casing: 'camel', render: (n, v) => `val ${n}: String = "${v}"` },
  { name: 'TypeScript typed', casing: 'camel', render: (n, v) => `const ${n}: string = '${v}';` },
  { name: 'Rust typed const', casing: 'upper', render: (n, v) => `const ${n}: &str = "${v}";` },
  { name: 'Java / C# field', casing: 'upper', render: (n, v) => `private static final String ${n} = "${v}";` },
  { name: 'C# verbatim string', casing: 'pascal', render: (n, v) => `var ${n} = @"${v}";` },
  { name: 'PowerShell', casing: 'pascal', render: (n, v) => `$${n} = '${v}'` },
  { name: 'PowerShell env', casing: 'upper', render: (n, v) => `$env:${n} = "${v}"` },
  { name: 'Dockerfile ENV (space)', casing: 'upper', render: (n, v) => `ENV ${n} ${v}` },
  { name: 'Dockerfile ARG', casing: 'upper', render: (n, v) => `ARG ${n}=${v}` },
  { name: 'XML element', casing: 'pascal', render: (n, v) => `<${n}>${v}</${n}>` },
  { name: '.NET appSettings', casing: 'pascal', render: (n, v) => `<add key="${n}" value="${v}" />` },
  { name: 'Android string resource', casing: 'snake', render: (n, v) => `<string name="${n}">${v}</string>` },
  { name: 'Kubernetes env', casing: 'upper', render: (n, v) => `        - name: ${n}\n          value: "${v}"` },
  { name: 'ECS / JSON name-value', casing: 'upper', render: (n, v) => `{ "name": "${n}", "value": "${v}" }` },
  { name: 'CLI flag, space', casing: 'kebab', render: (n, v) => `tool deploy --${n} ${v} --region eu` },
  { name: 'CLI flag, =', casing: 'kebab', render: (n, v) => `tool deploy --${n}=${v}` },
  { name: 'curl header', casing: 'kebab', render: (n, v) => `curl -H '${n}: ${v}' https://api.example.org/v1` },
  { name: 'HTTP header', casing: 'kebab', render: (n, v) => `${n}: ${v}\r\nAccept: */*` },
  { name: 'PHP / Ruby =>', casing: 'snake', render: (n, v) => `  '${n}' => '${v}',` },
  { name: 'Makefile ?=', casing: 'upper', render: (n, v) => `${n} ?= ${v}` },
  { name: 'Makefile ::=', casing: 'upper', render: (n, v) => `${n} ::= ${v}` },
  { name: 'Makefile :::=', casing: 'upper', render: (n, v) => `${n} :::= ${v}` },
  { name: 'Makefile +=', casing: 'upper', render: (n, v) => `${n} += ${v}` },
  { name: 'Ruby ||=', casing: 'snake', render: (n, v) => `@${n} ||= "${v}"` },
  { name: 'Python dict', casing: 'snake', render: (n, v) => `settings = {'${n}': '${v}'}` },
  { name: 'index assignment', casing: 'snake', render: (n, v) => `config["${n}"] = "${v}"` },
  { name: 'call argument', casing: 'upper', render: (n, v) => `value = os.getenv("${n}", "${v}")` },
  { name: 'fallback', casing: 'upper', render: (n, v) => `const key = process.env.${n} || "${v}";` },
  { name: 'wrapped onto the next line', casing: 'camel', render: (n, v) => `const ${n} =\n  "${v}";` },
  { name: 'fish set -x', casing: 'upper', render: (n, v) => `set -x ${n} ${v}` },
  { name: 'R <-', casing: 'snake', render: (n, v) => `${n} <- "${v}"` },
  { name: 'comparison', casing: 'camel', render: (n, v) => `if (${n} == "${v}") {` },
  { name: 'shell default', casing: 'upper', render: (n, v) => `echo "\${${n}:-${v}}"` },
  { name: 'connection string', casing: 'pascal', render: (n, v) => `Server=db.internal;${n}=${v};Encrypt=true` },
  { name: 'URL query', casing: 'snake', render: (n, v) => `https://api.example.org/v1/data?${n}=${v}&format=json` },
];

/** Values that are not keys, in any syntax: references, commands, placeholders. */
export const NOT_VALUES: readonly string[] = [
  '${API_TOKEN}',
  '$(cat /run/secrets/token)',
  'process.env.API_TOKEN',
  '<your-api-key>',
  '{{ .Values.token }}',
];

/** Renders a name given as words in a casing. */
export function spell(words: readonly string[], casing: Exclude<Casing, 'original'>): string {
  const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
  switch (casing) {
    case 'upper':
      return words.join('_').toUpperCase();
    case 'snake':
      return words.join('_');
    case 'kebab':
      return words.join('-');
    case 'camel':
      return words[0]! + words.slice(1).map(cap).join('');
    case 'pascal':
      return words.map(cap).join('');
  }
}
