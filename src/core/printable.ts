/**
 * Text from the scanned input (a path, a commit message, an author) made safe
 * to print on one line of a terminal, a log or a workflow command: control
 * characters (newlines, carriage returns, escape sequences that could repaint
 * the screen or forge report lines), C1 controls, and the Unicode marks that
 * reorder or hide text (bidi overrides and isolates, line and paragraph
 * separators) are shown escaped, `\n`, `\r` or `\xNN`/`\uNNNN`. Other text
 * (tabs included) is unchanged, so ordinary paths and lines print as they are.
 */
export function printable(name: string): string {
  // C0 controls but tab, DEL, C1 controls, bidi marks, embeddings, overrides and isolates, line and paragraph separators.
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Text of several lines (an error that lists problems), each made {@link printable}. */
export function printableLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
}
