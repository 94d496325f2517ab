import type { Repository } from './repo.js';
import { runGit } from './run.js';

/** A blob a ref names: directly (`ref` alone), or as `file` of a tree it names. */
export interface RefBlob {
  id: string;
  ref: string;
  file?: string;
}

const BLOB_MODES = new Set(['100644', '100755']);

/**
 * The blobs that refs name without a commit: a ref (or the annotated tag it
 * names) pointing at a blob or at a tree. Commit history never shows them.
 */
export async function refObjectBlobs(repo: Repository): Promise<RefBlob[]> {
  const listed = await runGit(['for-each-ref', '--format=%(objectname) %(objecttype) %(*objectname) %(*objecttype) %(refname)'], {
    cwd: repo.cwd,
    env: repo.env,
  });
  const out: RefBlob[] = [];
  for (const line of listed.stdout.toString('utf8').split('\n')) {
    // Ref names cannot hold spaces; a ref that is not a tag leaves the two peeled fields empty.
    const [id, type, peeledId, peeledType, ref] = line.split(' ');
    if (!id || !ref) continue;
    const target = peeledId ? { id: peeledId, type: peeledType } : { id, type };
    if (target.type === 'blob') out.push({ id: target.id, ref });
    else if (target.type === 'tree') out.push(...(await treeBlobs(repo, target.id)).map((blob) => ({ ...blob, ref })));
  }
  return out;
}

/** Every file of a tree, recursively: `git ls-tree -r -z`, so any path survives. */
async function treeBlobs(repo: Repository, tree: string): Promise<{ id: string; file: string }[]> {
  const listed = await runGit(['ls-tree', '-r', '-z', '--full-tree', tree], { cwd: repo.cwd, env: repo.env });
  const out: { id: string; file: string }[] = [];
  for (const record of listed.stdout.toString('utf8').split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, id] = record.slice(0, tab).split(' ');
    if (type === 'blob' && BLOB_MODES.has(mode!) && id) out.push({ id, file: record.slice(tab + 1) });
  }
  return out;
}
