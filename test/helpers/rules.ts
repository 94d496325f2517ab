import type { RuleSpec } from '../../src/core/types.js';

/** A minimal valid rule for engine tests; fields can be overridden. */
export function testRule(overrides: Partial<RuleSpec> & Pick<RuleSpec, 'id' | 'pattern' | 'keywords'>): RuleSpec {
  return {
    title: overrides.id,
    provider: 'Test',
    providerKey: 'test',
    severity: 'high',
    confidence: 'high',
    references: ['https://example.org/format'],
    remediation: 'Revoke it.',
    examples: { positive: [], negative: [] },
    ...overrides,
  };
}
