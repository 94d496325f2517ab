import { decodeBytes } from '../decode.js';
import { CatFileReader } from './catfile.js';
import type { Repository } from './repo.js';

/** One blob's bytes, or `missing` when the repository does not have it (a partial clone). */
export type BlobBytes<T> = { item: T; size: number } & ({ data: Buffer; missing?: undefined } | { data?: undefined; missing: true });

/** One blob as text, or why it has none: absent from the repository (a partial clone), or binary. */
export type BlobText<T> = { item: T; size: number } & (
  { text: string; skipped?: undefined } | { text?: undefined; skipped: 'missing' | 'binary' }
);

/**
 * The blobs of `items`, read in the order given from one `git cat-file
 * --batch`. The process is closed when the loop ends, however it ends.
 */
export async function* blobBytes<T extends { id: string }>(repo: Repository, items: readonly T[]): AsyncGenerator<BlobBytes<T>> {
  if (items.length === 0) return;
  const reader = new CatFileReader(repo);
  try {
    reader.request(items.map((item) => item.id));
    for (const item of items) {
      const object = await reader.next();
      if (object.data) yield { item, size: object.size, data: object.data };
      else yield { item, size: object.size, missing: true };
    }
  } finally {
    reader.close();
  }
}

/** {@link blobBytes}, each sniffed and decoded as a file would be (decode.ts). */
export async function* blobTexts<T extends { id: string }>(repo: Repository, items: readonly T[]): AsyncGenerator<BlobText<T>> {
  for await (const blob of blobBytes(repo, items)) {
    const decoded = blob.data ? decodeBytes(blob.data) : undefined;
    if (decoded?.ok) yield { item: blob.item, size: blob.size, text: decoded.text };
    else yield { item: blob.item, size: blob.size, skipped: decoded ? decoded.reason : 'missing' };
  }
}
