import type { RevisionFiles } from '../config-snapshot.js';
import { apiError, type GitHub } from './client.js';

interface ContentEntry {
  type: string;
  path: string;
}

/**
 * The files of one revision through the contents API, for when the commit is
 * not in the checkout (a shallow clone that could not be deepened). A missing
 * path is undefined; any other failure is an error, never an empty config.
 */
export function apiRevisionFiles(gh: GitHub, owner: string, repo: string, ref: string, label = ref.slice(0, 12)): RevisionFiles {
  const get = async (path: string): Promise<unknown> => {
    try {
      return (await gh.rest.repos.getContent({ owner, repo, path, ref })).data;
    } catch (error) {
      if ((error as { status?: number }).status === 404) return undefined;
      throw apiError(error, `reading ${path} of ${owner}/${repo} at ${label}`);
    }
  };
  const list = async (folder: string): Promise<string[]> => {
    const data = await get(folder);
    if (!Array.isArray(data)) return [];
    const out: string[] = [];
    for (const entry of data as ContentEntry[]) {
      if (entry.type === 'file') out.push(entry.path);
      else if (entry.type === 'dir') out.push(...(await list(entry.path)));
    }
    return out;
  };
  return {
    label,
    async file(path) {
      const data = (await get(path)) as { type?: string; content?: string; encoding?: string } | undefined;
      if (!data || Array.isArray(data) || data.type !== 'file' || data.content === undefined) return undefined;
      return Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8');
    },
    list,
  };
}
