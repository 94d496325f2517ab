import { ruleAllowFilter } from './allow.js';
import { checksumFilter } from './checksum.js';
import { entropyFilter } from './entropy.js';
import { genericNameFilter, genericShapeFilter, genericValueFilter, wordlikeFilter } from './generic.js';
import { globalAllowFilters, type GlobalAllow } from './global.js';
import { nearFilter } from './near.js';
import { placeholderFilter } from './placeholder.js';
import { publishedFilter } from './published.js';
import type { Filter } from './types.js';

export type { Candidate, Drop, Filter, FilterContext } from './types.js';
export type { Allowance, GlobalAllow, IgnoredFinding } from './global.js';
export { pathSkipper } from './global.js';

/**
 * The fixed order of the candidate filters (docs/engine.md). Cheap, certain
 * checks come first; `near` and the BPE measure, which cost more, come last.
 * Inline markers and baselines run after these, outside this list. Config
 * path allowances run first, so `--explain` names the allowlisted path for
 * every candidate in such a file (sources skip those files unless explaining).
 */
export function candidateFilters(allow: GlobalAllow | undefined): Filter[] {
  const config = allow ? globalAllowFilters(allow) : undefined;
  const filters: Filter[] = [
    ...(config?.path ? [config.path] : []),
    entropyFilter,
    checksumFilter,
    placeholderFilter,
    publishedFilter,
    genericShapeFilter,
    ruleAllowFilter,
  ];
  if (config) filters.push(config.content);
  filters.push(wordlikeFilter, nearFilter);
  return ablate(filters);
}

/**
 * Measurement only (bench/ablation.mjs, docs/detection.md): the filters named in
 * KEYHOUND_FILTERS_OFF (comma-separated: entropy, checksum, placeholder, published,
 * shape, name, value-shape, wordlike, near) are left out, to measure what each buys.
 */
function ablate(filters: Filter[]): Filter[] {
  const off = new Set(
    (process.env.KEYHOUND_FILTERS_OFF ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  );
  if (off.size === 0) return filters;
  const named = new Map<Filter, string>([
    [entropyFilter, 'entropy'],
    [checksumFilter, 'checksum'],
    [placeholderFilter, 'placeholder'],
    [publishedFilter, 'published'],
    [genericShapeFilter, 'shape'],
    [wordlikeFilter, 'wordlike'],
    [nearFilter, 'near'],
  ]);
  const shape = off.has('name') ? genericValueFilter : off.has('value-shape') ? genericNameFilter : genericShapeFilter;
  return filters.filter((filter) => !off.has(named.get(filter) ?? '')).map((filter) => (filter === genericShapeFilter ? shape : filter));
}
