/**
 * A path (or other name from the scanned input) made safe to print on one
 * line of a terminal: control characters (newlines, carriage returns, escape
 * sequences that could repaint the screen or forge report lines) are shown
 * escaped, `\n`, `\r` or `\xNN`/`\uNNNN`. Other text (tabs included) is
 * unchanged, so ordinary paths and lines print as they are.
 */
export function printable(name: string): string {
  // C0 controls but tab, DEL, C1 controls, and the Unicode line and paragraph separators: matching them is the point.
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
