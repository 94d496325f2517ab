/** `fn` computed once per distinct argument: for pure functions called again and again with few distinct values. */
export function memoize<V>(fn: (key: string) => V): (key: string) => V {
  const known = new Map<string, V>();
  return (key) => {
    if (known.has(key)) return known.get(key) as V;
    const value = fn(key);
    known.set(key, value);
    return value;
  };
}
