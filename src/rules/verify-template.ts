/**
 * The template grammar of `verify:` blocks: `{{secret}}`, `{{partner.NAME}}`
 * and `{{site}}`. Shared by the loader (which checks what a template may use)
 * and the verifier (which fills it in).
 */
export const TEMPLATE = /\{\{\s{0,2}(secret|site|partner\.[A-Za-z0-9_-]{1,64})\s{0,2}\}\}/g;

/** Any `{{...}}`, to catch names the grammar does not know. */
const ANY_TEMPLATE = /\{\{([^{}]{0,80})\}\}/g;

/** The variables a template uses (`secret`, `site`, `partner.account_sid`), and any `{{...}}` it does not understand. */
export function templateVariables(text: string): { names: string[]; unknown: string[] } {
  const names: string[] = [];
  const unknown: string[] = [];
  for (const match of text.matchAll(ANY_TEMPLATE)) {
    const inner = match[1]!.trim();
    if (/^(?:secret|site|partner\.[A-Za-z0-9_-]{1,64})$/.test(inner)) names.push(inner);
    else unknown.push(match[0]);
  }
  return { names, unknown };
}

/** Every string inside a JSON-like value (object values, array items), for templates in a JSON body. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsIn);
  return [];
}
