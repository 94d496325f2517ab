import { describe, expect, it } from 'vitest';
import { Introductions } from '../../../src/sources/git/introductions.js';

describe('Introductions', () => {
  it("keeps each blob's position and outcome, and changes the outcome without moving the position", () => {
    const introduced = new Introductions();
    expect(introduced.order('a')).toBeUndefined();
    introduced.set('a', 0, 'wanted');
    introduced.set('b', 41_999_999, 'excluded-path');
    introduced.mark('a', 'timeout');
    expect([introduced.order('a'), introduced.outcome('a')]).toEqual([0, 'timeout']);
    expect([introduced.order('b'), introduced.outcome('b')]).toEqual([41_999_999, 'excluded-path']);
    introduced.set('b', 7, 'scanned');
    expect([introduced.order('b'), introduced.outcome('b')]).toEqual([7, 'scanned']);
    expect([...introduced.outcomes()].sort()).toEqual(['scanned', 'timeout']);
    expect(introduced.size).toBe(2);
    expect(introduced.has('b')).toBe(true);
  });
});
