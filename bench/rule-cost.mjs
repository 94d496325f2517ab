// Which rules cost the most: each rule alone in its own engine over a tree's
// text, timed. Rules with common keywords that cannot be anchored (the regex
// runs in windows around every hit) show up here first.
//   node bench/rule-cost.mjs TREE [--top 25]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { Engine, builtinRules } from '../dist/lib/index.js';

const tree = process.argv[2];
const top = Number(process.argv[process.argv.indexOf('--top') + 1] || 25);
const texts = fg
  .sync('**', { cwd: tree, absolute: true, dot: true })
  .map((file) => ({ text: readFileSync(file, 'utf8'), origin: { path: path.relative(tree, file) } }));
const costs = [];
const all = builtinRules();
const byId = new Map(all.map((rule) => [rule.id, rule]));
for (const rule of all) {
  const partners = (rule.near ?? []).flatMap((near) => (near.rule ? [{ ...byId.get(near.rule), report: false }] : []));
  const engine = new Engine([{ ...rule, report: true }, ...partners], { decode: 0 });
  await engine.prepare();
  const started = performance.now();
  for (const chunk of texts) engine.scan(chunk);
  costs.push({
    id: rule.id,
    ms: performance.now() - started,
    anchored: Boolean(engine.rules[0].sticky),
    keywords: rule.keywords.slice(0, 6).join(','),
  });
}
costs.sort((a, b) => b.ms - a.ms);
const total = costs.reduce((sum, c) => sum + c.ms, 0);
console.log(`${costs.length} rules, ${total.toFixed(0)} ms in all`);
for (const c of costs.slice(0, top))
  console.log(`${c.ms.toFixed(0).padStart(6)} ms  ${c.anchored ? 'anchored' : 'windowed'}  ${c.id}  [${c.keywords}]`);
