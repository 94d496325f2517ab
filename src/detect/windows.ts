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

/**
 * `starts` are keyword start offsets in ascending order, `keywordLength` the
 * longest keyword, `radius` the rule's window. Windows that overlap merge.
 */
export function windowsAround(text: string, starts: readonly number[], keywordLength: number, radius: number): Window[] {
  const merged: Window[] = [];
  for (const start of starts) {
    const from = Math.max(0, start - radius);
    const to = Math.min(text.length, start + keywordLength + radius);
    const last = merged[merged.length - 1];
    // Growing the last window needs no line search: it already ends on a line boundary or its cap.
    if (last && from <= last.end + 1) {
      if (to > last.end) last.end = lineEndAfter(text, to);
    } else {
      merged.push({ start: lineStartBefore(text, from), end: lineEndAfter(text, to) });
    }
  }
  return merged;
}
