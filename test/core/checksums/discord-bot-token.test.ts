import { describe, expect, it } from 'vitest';
import { discordBotToken } from '../../../src/core/checksums/discord-bot-token.js';

function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

describe('discord-bot-token', () => {
  it('accepts generated tokens and rejects a changed id segment', () => {
    const random = seeded(11);
    for (let i = 0; i < 50; i++) {
      const token = discordBotToken.generate(random, '');
      expect(token).toMatch(/^[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{38}$/);
      expect(discordBotToken.validate(token)).toBe(true);
      // 'A' as the first character makes the first decoded byte a control character, not a digit.
      expect(discordBotToken.validate('A' + token.slice(1))).toBe(false);
    }
  });

  it('accepts a first segment that is a base64 snowflake', () => {
    // base64("1052437497446649856") = MTA1MjQzNzQ5NzQ0NjY0OTg1Ng
    expect(discordBotToken.validate('MTA1MjQzNzQ5NzQ0NjY0OTg1Ng.GaBcDe.' + 'x'.repeat(38))).toBe(true);
  });

  it('rejects random base64 in the first segment', () => {
    expect(discordBotToken.validate('oHILWmk3qakMYbqAikD9R0nJ.Vhu0LY.FK1U_2L2Of8Bm5ESbD6Cy4VKu2K')).toBe(false);
    expect(discordBotToken.validate('bm90LWEtbnVtYmVyLWF0LWFsbA.GaBcDe.' + 'x'.repeat(38))).toBe(false);
  });
});
