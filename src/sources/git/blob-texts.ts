import { decodeBytes } from '../decode.js';
import { CatFileReader } from './catfile.js';
import type { Repository } from './repo.js';

/** One blob as text, or why it has none: absent from the repository (a partial clone), or binary. */
export type BlobText<T> = { item: T; size: number } & (
  { text: string; skipped?: undefined } | { text?: undefined; skipped: 'missing' | 'binary' }
);

/**
 * The blobs of `items`, read in the order given from one `git cat-file
 * --batch` and sniffed as a file would be (decode.ts). The process is closed
 * when the loop ends, however it ends.
 */
export async function* blobTexts<T extends { id: string }>(repo: Repository, items: readonly T[]): AsyncGenerator<BlobText<T>> {
  if (items.length === 0) return;
  const reader = new CatFileReader(repo);
  try {
    reader.request(items.map((item) => item.id));
    for (const item of items) {
      const object = await reader.next();
      const decoded = object.data ? decodeBytes(object.data) : undefined;
      if (decoded?.ok) yield { item, size: object.size, text: decoded.text };
      else yield { item, size: object.size, skipped: decoded ? decoded.reason : 'missing' };
    }
  } finally {
    reader.close();
  }
}
