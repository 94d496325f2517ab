import type { Filter } from './types.js';

export const checksumFilter: Filter = (candidate) => {
  const validator = candidate.rule.checksum;
  if (!validator || validator.validate(candidate.secret)) return undefined;
  return { filter: 'checksum', reason: `${validator.name} checksum does not match: the format fits but this is not a real token` };
};
