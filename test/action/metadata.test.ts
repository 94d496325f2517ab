import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/cli.js';

/** action.yml as GitHub Marketplace reads it when the Action is published. */
describe('action.yml', () => {
  const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { name?: unknown; description?: unknown };

  it('has a description within the Marketplace limit of 125 characters', () => {
    expect(typeof action.description).toBe('string');
    const description = action.description as string;
    expect(description.trim()).not.toBe('');
    expect(description.length, description).toBeLessThanOrEqual(125);
  });
});
