/**
 * GitHub Actions expressions (`${{ … }}`), the subset a workflow of this
 * repository may use: property paths (`inputs.shards`, `needs.plan.result`),
 * string, number and boolean literals, `==`, `!=`, `!`, `&&`, `||`,
 * parentheses, and the functions fromJSON, toJSON, always, success, failure,
 * cancelled. Anything else is an error, so a workflow that grows past what
 * the simulated runner (test/helpers/workflow-runner.ts) understands fails
 * its test instead of being half-run.
 */
export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

export interface Status {
  failed: boolean;
}

const TOKEN = /\s*(\|\||&&|==|!=|!|\(|\)|,|'(?:[^']|'')*'|-?\d+(?:\.\d+)?|[A-Za-z_][\w.-]*)/y;

function tokens(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) {
      if (/^\s*$/.test(text.slice(start))) break;
      throw new Error(`expression ${JSON.stringify(text)}: cannot read ${JSON.stringify(text.slice(start))}`);
    }
    out.push(m[1]!);
  }
  return out;
}

function truthy(value: Value | undefined): boolean {
  return !(value === undefined || value === null || value === false || value === 0 || value === '');
}

/** A value as the runner writes it into text: objects as JSON, null as nothing. */
export function asText(value: Value): string {
  if (value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Looks up `a.b.c` in the contexts; a missing property is null, as on GitHub. */
function lookup(path: string, contexts: Record<string, Value>): Value {
  let value: Value | undefined = contexts;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
    value = (value as Record<string, Value>)[part];
  }
  return value ?? null;
}

/** Evaluates one expression (without the `${{ }}`). */
export function evaluate(text: string, contexts: Record<string, Value>, status: Status = { failed: false }): Value {
  const list = tokens(text);
  let at = 0;
  const peek = (): string | undefined => list[at];
  const take = (want?: string): string => {
    const token = list[at++];
    if (token === undefined || (want !== undefined && token !== want))
      throw new Error(`expression ${JSON.stringify(text)}: expected ${want ?? 'more'}`);
    return token;
  };
  const FUNCTIONS: Record<string, (args: Value[]) => Value> = {
    fromJSON: ([a]) => JSON.parse(asText(a ?? null)) as Value,
    toJSON: ([a]) => JSON.stringify(a ?? null),
    always: () => true,
    success: () => !status.failed,
    failure: () => status.failed,
    cancelled: () => false,
  };
  function primary(): Value {
    const token = take();
    if (token === '(') {
      const value = or();
      take(')');
      return value;
    }
    if (token.startsWith("'")) return token.slice(1, -1).replace(/''/g, "'");
    if (/^-?\d/.test(token)) return Number(token);
    if (token === 'true' || token === 'false') return token === 'true';
    if (token === 'null') return null;
    if (peek() === '(') {
      const fn = FUNCTIONS[token];
      if (!fn) throw new Error(`expression ${JSON.stringify(text)}: unknown function ${token}`);
      take('(');
      const args: Value[] = [];
      while (peek() !== ')') {
        args.push(or());
        if (peek() === ',') take(',');
      }
      take(')');
      return fn(args);
    }
    return lookup(token, contexts);
  }
  function unary(): Value {
    if (peek() === '!') {
      take('!');
      return !truthy(unary());
    }
    const left = primary();
    const op = peek();
    if (op === '==' || op === '!=') {
      take();
      const right = primary();
      // GitHub compares strings case-insensitively and coerces mixed types to numbers.
      const same =
        typeof left === 'string' && typeof right === 'string'
          ? left.toLowerCase() === right.toLowerCase()
          : typeof left === typeof right
            ? left === right
            : Number(left) === Number(right);
      return op === '==' ? same : !same;
    }
    return left;
  }
  function and(): Value {
    let value = unary();
    while (peek() === '&&') {
      take();
      const right = unary();
      value = truthy(value) ? right : value;
    }
    return value;
  }
  function or(): Value {
    let value = and();
    while (peek() === '||') {
      take();
      const right = and();
      value = truthy(value) ? value : right;
    }
    return value;
  }
  const value = or();
  if (at !== list.length) throw new Error(`expression ${JSON.stringify(text)}: unexpected ${list[at]!}`);
  return value;
}

/** A string with `${{ }}` in it: a whole-string expression keeps its type (`fromJSON` gives an array), else text. */
export function interpolate(text: string, contexts: Record<string, Value>, status?: Status): Value {
  const whole = /^\$\{\{(.*)\}\}$/s.exec(text.trim());
  if (whole && !whole[1]!.includes('}}')) return evaluate(whole[1]!, contexts, status);
  return text.replace(/\$\{\{(.*?)\}\}/g, (_, expr: string) => asText(evaluate(expr, contexts, status)));
}

/** A job's or step's `if:`: an expression with or without `${{ }}`; absent means success(). */
export function condition(text: string | boolean | undefined, contexts: Record<string, Value>, status: Status): boolean {
  if (text === undefined) return !status.failed;
  if (typeof text === 'boolean') return text;
  const inner = /^\s*\$\{\{(.*)\}\}\s*$/s.exec(text)?.[1] ?? text;
  const value = evaluate(inner, contexts, status);
  // Without a status function, GitHub adds success().
  const statusFn = /\b(always|success|failure|cancelled)\(\)/.test(inner);
  return truthy(value) && (statusFn || !status.failed);
}

export { truthy };
