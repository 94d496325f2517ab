/**
 * Where a rule's regex runs: windows around its keyword hits, widened to whole
 * lines (up to a cap, for minified files) and merged. Running regexes only in
 * windows is what keeps common keywords (`key`, `token`) from sending whole
 * files through every generic regex.
 */
export interface Window {
  start: number;
  end: number;
}

/** How far a window may grow to reach a line boundary. */
const LINE_REACH = 1024;

function lineStartBefore(text: string, offset: number): number {
  const limit = Math.max(0, offset - LINE_REACH);
  for (let i = offset; i > limit; i--) {
    const code = text.charCodeAt(i - 1);
    if (code === 10 || code === 13) return i;
  }
  return limit;
}

function lineEndAfter(text: string, offset: number): number {
  const limit = Math.min(text.length, offset + LINE_REACH);
  for (let i = offset; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return i;
  }
  return limit;
}

/** `hits` are keyword start offsets (any order) with the keyword's length; `radius` is the rule's window. */
export function windowsAround(text: string, hits: readonly { start: number; length: number }[], radius: number): Window[] {
  const raw = hits
    .map((hit) => ({
      start: lineStartBefore(text, Math.max(0, hit.start - radius)),
      end: lineEndAfter(text, Math.min(text.length, hit.start + hit.length + radius)),
    }))
    .sort((a, b) => a.start - b.start);
  const merged: Window[] = [];
  for (const window of raw) {
    const last = merged[merged.length - 1];
    if (last && window.start <= last.end + 1) last.end = Math.max(last.end, window.end);
    else merged.push({ ...window });
  }
  return merged;
}
