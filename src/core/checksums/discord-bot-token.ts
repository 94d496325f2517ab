import type { ChecksumValidator } from './types.js';

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Discord's epoch (2015-01-01T00:00:00Z) in ms; snowflake ids carry ms since it in their top 42 bits. */
const DISCORD_EPOCH = 1420070400000;
const YEAR_2100 = 4102444800000;

function decodeBase64Url(text: string): string | undefined {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const ch of text) {
    const v = B64URL.indexOf(ch === '+' ? '-' : ch === '/' ? '_' : ch);
    if (v < 0) return undefined;
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((value >> bits) & 0xff);
    }
  }
  return out;
}

function encodeBase64Url(text: string): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    value = ((value << 8) | text.charCodeAt(i)) & 0xffff;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += B64URL[(value >> bits) & 63]!;
    }
  }
  if (bits > 0) out += B64URL[(value << (6 - bits)) & 63]!;
  return out;
}

/**
 * Discord bot tokens are three dot-separated base64url segments; the first is the
 * bot's user id (a snowflake, 17-20 decimal digits) in base64. This checks that the
 * first segment decodes to such an id whose timestamp falls between Discord's epoch
 * and 2100, which a random base64 string almost never does.
 * https://discord.com/developers/docs/reference#snowflakes
 */
export const discordBotToken: ChecksumValidator = {
  name: 'discord-bot-token',
  validate(secret) {
    const first = secret.slice(0, secret.indexOf('.'));
    if (first.length < 20) return false;
    const id = decodeBase64Url(first.replace(/=+$/, ''));
    if (id === undefined || !/^[1-9][0-9]{16,19}$/.test(id)) return false;
    const ms = Number(BigInt(id) >> 22n) + DISCORD_EPOCH;
    return ms > DISCORD_EPOCH && ms < YEAR_2100;
  },
  generate(random, prefix) {
    const ms = BigInt(Math.floor(1.0e11 + random() * 2.5e11)); // 2018..2026 after the epoch
    const id = ((ms << 22n) | BigInt(Math.floor(random() * 4194304))).toString();
    const pick = (n: number) => {
      let s = '';
      for (let i = 0; i < n; i++) s += B64URL[Math.floor(random() * 64)]!;
      return s;
    };
    return `${prefix}${encodeBase64Url(id)}.${pick(6)}.${pick(38)}`;
  },
};
