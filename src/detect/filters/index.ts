import { ruleAllowFilter } from './allow.js';
import { checksumFilter } from './checksum.js';
import { entropyFilter } from './entropy.js';
import { genericShapeFilter, wordlikeFilter } from './generic.js';
import { globalAllowFilter, type GlobalAllow } from './global.js';
import { nearFilter } from './near.js';
import { placeholderFilter } from './placeholder.js';
import type { Filter } from './types.js';

export type { Candidate, Drop, Filter, FilterContext } from './types.js';
export type { GlobalAllow } from './global.js';

/**
 * The fixed order of the candidate filters (docs/engine.md). Cheap, certain
 * checks come first; `near` and the BPE measure, which cost more, come last.
 * Inline markers and baselines run after these, outside this list.
 */
export function candidateFilters(allow: GlobalAllow | undefined): Filter[] {
  const filters: Filter[] = [entropyFilter, checksumFilter, placeholderFilter, genericShapeFilter, ruleAllowFilter];
  if (allow) filters.push(globalAllowFilter(allow));
  filters.push(wordlikeFilter, nearFilter);
  return filters;
}
