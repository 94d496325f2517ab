import { Engine } from '../detect/engine.js';
import { buildRuleSet } from '../scan/ruleset.js';
import type { ActionInputs } from './inputs.js';

/** The engine the Action scans with: built-in rules, plus the project's config and baseline. */
export async function createEngine(_inputs: ActionInputs, _workspace: string): Promise<Engine> {
  const rules = await buildRuleSet();
  return new Engine(rules, { redact: true });
}
