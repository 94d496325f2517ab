import type { Filter } from './types.js';

export const entropyFilter: Filter = (candidate) => {
  const minimum = candidate.rule.spec.entropy;
  if (minimum === undefined || candidate.entropy >= minimum) return undefined;
  return { filter: 'entropy', reason: `low entropy ${candidate.entropy.toFixed(2)} < ${minimum}` };
};
