import { discordBotToken } from './discord-bot-token.js';
import { githubCrc32 } from './github-crc32.js';
import { grafanaCrc32 } from './grafana-crc32.js';
import type { ChecksumValidator } from './types.js';

export type { ChecksumValidator } from './types.js';

/** Every checksum validator a rule can name in `checksum:`. Add new ones here. */
export const CHECKSUMS: ReadonlyMap<string, ChecksumValidator> = new Map(
  [githubCrc32, discordBotToken, grafanaCrc32].map((validator) => [validator.name, validator]),
);
