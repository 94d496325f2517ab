import { basicAuthBase64 } from './basic-auth-base64.js';
import { githubCrc32 } from './github-crc32.js';
import { gitlabRoutable } from './gitlab-routable.js';
import { atlassianCrc32 } from './atlassian-crc32.js';
import { atlassianDcPat } from './atlassian-dc-pat.js';
import { bech32 } from './bech32.js';
import { discordBotToken } from './discord-bot-token.js';
import { grafanaCrc32 } from './grafana-crc32.js';
import type { ChecksumValidator } from './types.js';

export type { ChecksumValidator } from './types.js';

/** Every checksum validator a rule can name in `checksum:`. Add new ones here. */
export const CHECKSUMS: ReadonlyMap<string, ChecksumValidator> = new Map(
  [githubCrc32, gitlabRoutable, basicAuthBase64, atlassianDcPat, atlassianCrc32, bech32, discordBotToken, grafanaCrc32].map((validator) => [
    validator.name,
    validator,
  ]),
);
