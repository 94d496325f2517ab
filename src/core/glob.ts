/**
 * Globs that can never match a path as keyhound matches them (POSIX paths
 * relative to the scanned folder or config file, no `./`, no trailing `/`),
 * with what to write instead. minimatch accepts all of these silently, so a
 * typo in an allowlist or a rule's `paths` would quietly do nothing.
 */
export function globProblem(glob: string): string | undefined {
  if (glob.startsWith('#'))
    return `"${glob}" starts with #, which minimatch reads as a comment: it matches nothing (write \\# for a literal #)`;
  if (/^\.\.?\//.test(glob))
    return `"${glob}" starts with ${glob.startsWith('./') ? './' : '../'}, which never matches: paths are relative and plain (write ${glob.replace(/^(?:\.\.?\/)+/, '')})`;
  if (/(?:^|\/)\.\.(?:\/|$)/.test(glob))
    return `"${glob}" has a ".." segment, which never matches: paths are relative to the folder and stay inside it`;
  if (glob.length > 1 && glob.endsWith('/'))
    return `"${glob}" ends with /, so it matches no file (write ${glob}** for everything under the folder)`;
  if (/^[A-Za-z]:[\\/]/.test(glob))
    return `"${glob}" is a Windows absolute path, which never matches: write the path relative to the folder, with /`;
  // A backslash escapes the next character; before anything but a glob character it is a Windows folder separator.
  if (/\\(?![*?[\]{}()!+@#,\\ ])/.test(glob))
    return `"${glob}" uses \\ between folders, which never matches: paths are matched with / (write ${glob.replace(/\\/g, '/')})`;
  return undefined;
}
