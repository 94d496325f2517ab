import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);
// The official SARIF 2.1.0 schema is draft-04; one of its patterns is invalid under the u flag.
const Ajv = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;

/**
 * Validates a SARIF log against the official SARIF 2.1.0 schema, formats
 * included: its `uri`, `uri-reference` and `date-time` values are checked (an
 * Ajv without them ignores them, with a warning for each).
 */
export const validateSarif: ValidateFunction = (() => {
  const ajv = new Ajv({ unicodeRegExp: false, strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
})();
