import { describe, expect, it } from 'vitest';
import { planScan, type ActionContext } from '../../src/action/context.js';
import { getBoolean, readInputs } from '../../src/action/inputs.js';

function context(eventName: string, event: Record<string, unknown>): ActionContext {
  return {
    workspace: '/w',
    eventName,
    event,
    owner: 'acme',
    repo: 'app',
    sha: 'f'.repeat(40),
    ref: 'refs/heads/main',
    apiUrl: 'https://api.github.com',
    serverUrl: 'https://github.com',
  };
}

const pull = (head = 'acme/app') => ({
  pull_request: {
    number: 3,
    head: { sha: 'b'.repeat(40), repo: { full_name: head } },
    base: { sha: 'a'.repeat(40), repo: { full_name: 'acme/app' } },
  },
});

describe('planScan', () => {
  it('takes base..head from pull_request and pull_request_target events, and knows a fork', () => {
    const plan = planScan('auto', context('pull_request', pull()));
    expect(plan).toMatchObject({ kind: 'range', base: 'a'.repeat(40), head: 'b'.repeat(40), pr: { number: 3, fromFork: false } });
    expect(planScan('diff', context('pull_request_target', pull('stranger/app')))).toMatchObject({ kind: 'range', pr: { fromFork: true } });
  });

  it('takes before..after from a push, the default branch for a new branch, and base..head from a merge group', () => {
    expect(planScan('auto', context('push', { before: 'c'.repeat(40), after: 'd'.repeat(40) }))).toMatchObject({
      kind: 'range',
      base: 'c'.repeat(40),
      head: 'd'.repeat(40),
    });
    expect(
      planScan(
        'auto',
        context('push', {
          before: '0'.repeat(40),
          after: 'd'.repeat(40),
          ref: 'refs/heads/topic',
          repository: { default_branch: 'trunk' },
        }),
      ),
    ).toMatchObject({ kind: 'pushed', head: 'd'.repeat(40), against: 'trunk' });
    // The default branch created: the first push of a repository, whose every commit is new.
    const first = planScan(
      'auto',
      context('push', { before: '0'.repeat(40), after: 'd'.repeat(40), ref: 'refs/heads/trunk', repository: { default_branch: 'trunk' } }),
    );
    expect(first).toMatchObject({ kind: 'pushed', head: 'd'.repeat(40) });
    expect(first).not.toHaveProperty('against');
    expect(planScan('auto', context('merge_group', { merge_group: { base_sha: 'e'.repeat(40), head_sha: 'f'.repeat(40) } }))).toMatchObject(
      { kind: 'range', base: 'e'.repeat(40) },
    );
  });

  it('scans the tree on other events in auto mode, refuses them in diff mode, and obeys full and history', () => {
    expect(planScan('auto', context('schedule', {})).kind).toBe('full');
    expect(() => planScan('diff', context('schedule', {}))).toThrow(/mode diff needs a pull_request, push or merge_group event/);
    expect(planScan('full', context('pull_request', pull())).kind).toBe('full');
    expect(planScan('history', context('push', {})).kind).toBe('history');
  });
});

describe('inputs', () => {
  it('reads INPUT_ variables with action.yml defaults and YAML booleans', () => {
    expect(readInputs({})).toEqual({
      path: '.',
      mode: 'auto',
      failOnFindings: true,
      sarifFile: 'keyhound.sarif',
      uploadSarif: false,
      comment: false,
      fileTimeout: 30,
      onIncomplete: 'fail',
      onPermissionError: 'warn',
      annotations: true,
      summary: true,
      verify: false,
      onlyVerified: false,
      minConfidence: 'medium',
    });
    const inputs = readInputs({
      'INPUT_FAIL-ON-FINDINGS': 'False',
      'INPUT_SARIF-FILE': '',
      INPUT_COMMENT: 'TRUE',
      INPUT_TOKEN: ' t ',
      INPUT_MODE: 'history',
    });
    expect(inputs).toMatchObject({ failOnFindings: false, sarifFile: '', comment: true, token: 't', mode: 'history' });
    expect(() => getBoolean({ INPUT_COMMENT: 'on' }, 'comment', false)).toThrow('input "comment" must be true or false, not "on"');
    expect(readInputs({ 'INPUT_FILE-TIMEOUT': '0.5' }).fileTimeout).toBe(0.5);
    expect(() => readInputs({ 'INPUT_FILE-TIMEOUT': 'soon' })).toThrow(
      'input "file-timeout" must be a number of seconds, 0 or more, not "soon"',
    );
    expect(() => readInputs({ INPUT_MODE: 'everything' })).toThrow(
      'input "mode" must be one of auto, diff, full, history, not "everything"',
    );
  });
});
