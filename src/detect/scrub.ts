/**
 * Takes scanned text out of an error raised while scanning it. Our own errors
 * never carry content, but a bug can: V8 quotes the input in messages such as
 * `Unexpected token ... "ghp_..." is not valid JSON` or `Cannot convert ghp_...
 * to a BigInt`. Every word of the message that shares eight characters in a
 * row with the scanned text is replaced, in place, so the error keeps its
 * class (callers tell errors apart by class) and its stack frames.
 */
export function withoutScannedText(error: unknown, text: string): unknown {
  // A thrown non-Error could be anything, the text included.
  if (!(error instanceof Error)) return new Error(`a non-error value was thrown while scanning (${typeof error})`);
  // A word goes when any eight characters of it occur in the text (quoting may wrap or cut what it quotes).
  const quotes = (word: string): boolean => {
    for (let i = 0; i + 8 <= word.length; i++) if (text.includes(word.slice(i, i + 8))) return true;
    return false;
  };
  const clean = (line: string): string => line.replace(/[^\s"'`,;:()[\]{}<>=]{8,}/g, (word) => (quotes(word) ? '[scanned text]' : word));
  const message = clean(error.message);
  if (message === error.message) return error;
  try {
    const stack = error.stack ?? '';
    // The lines before the first frame are the message; frames stay as they are.
    const frames = stack.search(/\n\s+at /);
    error.message = message;
    error.stack = frames < 0 ? `${error.name}: ${message}` : `${error.name}: ${message}${stack.slice(frames)}`;
  } catch {
    return new Error(`${error.name} while scanning (its message quoted scanned text and was dropped)`);
  }
  return error;
}
