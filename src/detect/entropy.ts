/** Reused counts for the common case of Latin-1 text (every key format is ASCII). */
const counts = new Uint32Array(256);

/** Shannon entropy of a string in bits per character (0 for an empty string). */
export function shannonEntropy(text: string): number {
  const length = text.length;
  if (length === 0) return 0;
  for (let i = 0; i < length; i++) {
    if (text.charCodeAt(i) > 255) return entropyOfAnyText(text);
  }
  for (let i = 0; i < length; i++) counts[text.charCodeAt(i)]!++;
  let bits = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    const count = counts[code]!;
    if (count === 0) continue;
    const p = count / length;
    bits -= p * Math.log2(p);
    counts[code] = 0;
  }
  return bits;
}

function entropyOfAnyText(text: string): number {
  const seen = new Map<number, number>();
  for (let i = 0; i < text.length; i++) seen.set(text.charCodeAt(i), (seen.get(text.charCodeAt(i)) ?? 0) + 1);
  let bits = 0;
  for (const count of seen.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
