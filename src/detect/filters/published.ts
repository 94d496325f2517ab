import type { Filter } from './types.js';
import { wellKnownValue } from './well-known.js';

/**
 * Drops values published as examples (well-known.ts: specification samples,
 * documentation examples, public keys in SDKs), naming where each is published.
 */
export const publishedFilter: Filter = (candidate) => {
  const known = wellKnownValue(candidate.secret);
  return known ? { filter: 'published', reason: `${known.what}, published at ${known.source}: an example, never live` } : undefined;
};
