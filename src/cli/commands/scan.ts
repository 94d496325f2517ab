import { statSync } from 'node:fs';
import path from 'node:path';
import { FileSource } from '../../sources/files.js';
import { SCAN_OPTIONS, STDIN_ARG, withOptions, type ScanArgs } from '../options.js';
import { scanAndReport } from '../pipeline.js';
import { fileSourceOptions, type WalkArgs } from '../setup.js';
import type { Command } from './types.js';

type Args = ScanArgs & WalkArgs & { paths?: string[] };

export const scanCommand: Command = {
  command: 'scan [paths..]',
  describe: 'Scan files and folders ("-" reads stdin)',
  rest: 'paths',
  stdin: true,
  builder: (yargs) =>
    withOptions(yargs, [...SCAN_OPTIONS, 'gitignore', 'follow-symlinks']).positional('paths', {
      type: 'string',
      array: true,
      describe: 'Files and folders to scan ("-": standard input; default: the current folder)',
    }),
  async run(argv, io) {
    const args = argv as unknown as Args;
    const given = args.paths?.length ? args.paths : ['.'];
    const paths = given.map((p) => (p === STDIN_ARG ? '-' : path.resolve(io.cwd, p)));
    const onDisk = paths.filter((p) => p !== '-');
    const folders = onDisk.filter((p) => statSync(p, { throwIfNoEntry: false })?.isDirectory());
    const root = onDisk.length === 1 && folders.length === 1 ? onDisk[0]! : io.cwd;
    const { code } = await scanAndReport({
      io,
      args,
      configRoot: root,
      reportRoot: root,
      source: (setup) => new FileSource(fileSourceOptions(setup, args, io, paths, root)),
    });
    return code;
  },
};
