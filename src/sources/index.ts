/**
 * Every kind of source keyhound reads, with what it is. Each Source class
 * names its kind; the source contract test (test/sources/contract.test.ts)
 * runs every kind listed here through the same checks, so a new source is
 * added here, in its own file, and in that test.
 */
export const SOURCES = {
  files: 'files and folders on disk, and standard input (keyhound scan)',
  history: 'the commits of a git repository, each blob once (keyhound git)',
  staged: 'what git commit would record now (keyhound staged)',
  'pull-request': "a pull request's added lines through the GitHub API (keyhound github pr)",
  repositories: "remote repositories' histories, cloned one at a time (keyhound github org|user|repo)",
} as const;

export type SourceKind = keyof typeof SOURCES;
