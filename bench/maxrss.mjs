// Preloaded into benchmarked processes (`node --import`): writes the process's
// peak resident set size in bytes to $KEYHOUND_BENCH_RSS_FILE on exit.
import { writeFileSync } from 'node:fs';

const file = process.env.KEYHOUND_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
