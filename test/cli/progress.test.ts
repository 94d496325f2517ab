import { describe, expect, it } from 'vitest';
import { Progress } from '../../src/cli/progress.js';

function sink(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, sink: { isTTY, columns: 200, write: (text: string) => writes.push(text) } };
}

describe('Progress', () => {
  it('draws files done of the total, MB/s and time left on a terminal, then clears its line', () => {
    let clock = 0;
    const { writes, sink: out } = sink(true);
    const progress = new Progress(out, true, 'files', () => clock);
    progress.listed(10);
    clock = 1000;
    progress.item(2 * 1048576);
    expect(writes.at(-1)).toContain('keyhound: 1/10 files, 2.0 MB, 2.0 MB/s, about 9s left');
    progress.finish();
    expect(writes.at(-1)).toBe('\r\u001b[2K');
  });

  it('redraws at most every 150 ms', () => {
    let clock = 1000;
    const { writes, sink: out } = sink(true);
    const progress = new Progress(out, true, 'blobs', () => clock);
    progress.item(1);
    progress.item(1);
    clock += 200;
    progress.item(1);
    expect(writes).toHaveLength(2);
    expect(writes[1]).toContain('3 blobs');
  });

  it('writes nothing when the sink is not a terminal, or with --quiet', () => {
    const pipe = sink(false);
    const a = Progress.for(pipe.sink, false);
    a.item(10);
    a.finish();
    const tty = sink(true);
    const b = Progress.for(tty.sink, true);
    b.item(10);
    b.finish();
    expect(pipe.writes).toEqual([]);
    expect(tty.writes).toEqual([]);
  });
});
