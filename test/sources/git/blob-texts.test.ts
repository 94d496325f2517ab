import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { blobTexts, type BlobText } from '../../../src/sources/git/blob-texts.js';
import { openRepository } from '../../../src/sources/git/repo.js';
import { commit, git, GIT_ENV, initRepo } from '../../helpers/git.js';
import { githubToken } from '../../helpers/tokens.js';

describe('blobTexts: blobs sniffed as files are', () => {
  it('reads text with NULs and gzip, gives binaries their printable runs, refuses a decompression bomb', async () => {
    const dir = initRepo();
    const token = githubToken();
    const binary = Buffer.alloc(3000);
    for (let i = 0; i < binary.length; i += 2) binary[i] = 3;
    binary.write(` app=${token} `, 1200, 'latin1');
    commit(
      dir,
      {
        '.env': Buffer.from(`\0\nGITHUB_TOKEN=${token}\n`),
        'padded.yml': Buffer.concat([Buffer.alloc(2000), Buffer.from(`token: ${token}\n`)]),
        'env.gz': gzipSync(`GITHUB_TOKEN=${token}\n`),
        'app.bin': binary,
        'bomb.gz': gzipSync(Buffer.alloc(20 * 1024 * 1024)),
      },
      'files',
    );
    const ids = git(dir, ['ls-tree', '-r', 'HEAD'])
      .trim()
      .split('\n')
      .map((line) => {
        const [meta, path] = line.split('\t');
        return { id: meta!.split(' ')[2]!, path: path! };
      });
    const repo = await openRepository(dir, { PATH: process.env.PATH, ...GIT_ENV });
    const seen: Record<string, BlobText<{ id: string; path: string }>> = {};
    for await (const blob of blobTexts(repo, ids, (item) => item.path)) seen[blob.item.path] = blob;

    expect(seen['.env']!.text).toBe(` \nGITHUB_TOKEN=${token}\n`);
    // Mostly NULs, but its name says text.
    expect(seen['padded.yml']!.text).toContain(`token: ${token}`);
    expect(seen['env.gz']!.text).toBe(`GITHUB_TOKEN=${token}\n`);
    expect(seen['app.bin']).toMatchObject({ skipped: 'binary', strings: { text: ` app=${token} ` } });
    expect(seen['bomb.gz']).toMatchObject({ skipped: 'decompression-bomb' });
  });
});
