import type { CommitInfo } from '../../core/types.js';
import type { Repository } from './repo.js';
import { runGit } from './run.js';

/**
 * Commit and tag metadata as text to scan. A token pasted into a commit
 * message ("rotated, old one was ...") or an author field is as public as one
 * in a file, and reports print that metadata: scanning it makes such a
 * secret a finding of its own and, through the run's mask, masked wherever
 * else it is printed. Notes need nothing here: `refs/notes/*` are refs whose
 * blobs the history scan already reads when it scans every ref.
 */
export interface MetadataText {
  /** Where the text is, as a finding's path: `commit <sha> message`, `tag <name> message`. */
  path: string;
  text: string;
  commit?: CommitInfo;
}

/** Fewer characters than any rule's shortest secret: not worth a scan. */
const SHORTEST = 8;

/** The texts of one commit's own metadata: its whole message, and its author as `name <email>`. */
export function commitMetadata(info: CommitInfo, message: string): MetadataText[] {
  const texts: MetadataText[] = [];
  if (message.trim().length >= SHORTEST) texts.push({ path: `commit ${info.sha} message`, text: message, commit: info });
  const author = `${info.author} <${info.email}>`;
  if (author.length >= SHORTEST + 3) texts.push({ path: `commit ${info.sha} author`, text: author, commit: info });
  return texts;
}

/** Fields of `for-each-ref` output: NUL-separated, each tag's record ended by SOH. */
const TAG_FORMAT = '--format=%(objecttype)%00%(refname:strip=2)%00%(taggername) %(taggeremail)%00%(contents)%01';

/** Annotated tags' messages and taggers (lightweight tags have neither). */
export async function tagMetadata(repo: Repository): Promise<MetadataText[]> {
  const listed = await runGit(['for-each-ref', TAG_FORMAT, 'refs/tags'], { cwd: repo.cwd, env: repo.env });
  const texts: MetadataText[] = [];
  for (const record of listed.stdout.toString('utf8').split('\x01')) {
    const [type, name, tagger, contents] = record.replace(/^\n/, '').split('\0');
    if (type !== 'tag' || !name) continue;
    if (contents && contents.trim().length >= SHORTEST) texts.push({ path: `tag ${name} message`, text: contents });
    if (tagger && tagger.trim().length >= SHORTEST + 3) texts.push({ path: `tag ${name} tagger`, text: tagger.trim() });
  }
  return texts;
}
