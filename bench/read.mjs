// The I/O ceiling: list and read every file of a tree with Node, no scanning.
//   node bench/read.mjs DIR
import { readFile } from 'node:fs/promises';
import fg from 'fast-glob';

const dir = process.argv[2];
const started = process.hrtime.bigint();
const files = await fg('**', { cwd: dir, absolute: true, dot: true });
let bytes = 0;
const queue = [...files];
await Promise.all(
  Array.from({ length: 16 }, async () => {
    for (let file = queue.pop(); file; file = queue.pop()) {
      const content = await readFile(file);
      bytes += content.length;
    }
  }),
);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify({ seconds, bytes, files: files.length }));
