/**
 * The plan importer's score on its corpus (common/src/plans/corpus): each seed plan in each shape
 * real plans arrive in, fields right / found / wrong (a wrong value is worse than a missing one).
 *
 *   npx tsx scripts/plans/corpus.ts [--mistakes]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parsePlanText } from '../../common/src/plans/parse.ts';
import { addScores, NO_SCORE, type Score, scoreDraft } from '../../common/src/plans/corpus/score.ts';
import { variantsOf } from '../../common/src/plans/corpus/variants.ts';

const SEEDS = new URL('../../server/data/plans/', import.meta.url);
const showMistakes = process.argv.includes('--mistakes');
const totals = new Map<string, Score>();

console.log('seed  variant         fields  right  found  wrong     ms');
for (const file of readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()) {
  const seed = file.slice(0, 3);
  const text = readFileSync(new URL(file, SEEDS), 'utf8');
  const reference = parsePlanText(text);
  for (const v of variantsOf(seed, text)) {
    const started = performance.now();
    const draft = parsePlanText(v.text);
    const ms = performance.now() - started;
    const s = scoreDraft(draft, reference, v.expected);
    console.log(`${seed}   ${v.name.padEnd(14)} ${String(s.fields).padStart(6)} ${String(s.right).padStart(6)} ${String(s.found).padStart(6)} ${String(s.wrong).padStart(6)} ${ms.toFixed(0).padStart(6)}`);
    if (showMistakes) for (const m of s.mistakes) console.log(`        ${m}`);
    totals.set(v.name, addScores(totals.get(v.name) ?? NO_SCORE, s));
  }
}
// Baselines are counted in the totals too; "invented" is a baseline the document does not state.
console.log('\nvariant         right/fields  wrong   baselines right/fields found invented');
for (const [name, t] of totals) {
  const b = t.baselines;
  console.log(`${name.padEnd(14)} ${`${t.right}/${t.fields}`.padStart(13)} ${String(t.wrong).padStart(6)}   ${`${b.right}/${b.fields}`.padStart(21)} ${String(b.found).padStart(5)} ${String(b.wrong).padStart(8)}`);
}
