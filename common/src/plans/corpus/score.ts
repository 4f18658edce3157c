/**
 * How well a draft reads a variant of a seed plan, against the reading of the seed itself (which
 * seeds.test.ts checks fact by fact). Each field is right, missing (left empty: a person fills it
 * in) or wrong (a value the document does not say: worse than missing, since a person may trust
 * it). Targets and tasks count one field each; a target or task the document does not have is
 * wrong.
 */
import { foldVietnamese } from '../../text.ts';
import type { PlanDraft, TargetDraft, TaskDraft } from '../types.ts';
import type { Expected } from './variants.ts';

export interface Tally {
  fields: number;
  right: number;
  found: number;
  wrong: number;
}

export interface Score {
  /** Baselines alone (also counted in the totals): a wrong one is invented. */
  baselines: Tally;
  fields: number;
  right: number;
  /** Fields with a value, right or wrong. */
  found: number;
  wrong: number;
  /** What was wrong, for reading the report. */
  mistakes: string[];
}

/** Similarity of two texts, 0–1 (1 − edit distance / longer length). */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (!longer) return 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return 1 - (prev[b.length] ?? longer) / longer;
}

export function scoreDraft(draft: PlanDraft, reference: PlanDraft, expected: Expected): Score {
  const score: Score = { baselines: { fields: 0, right: 0, found: 0, wrong: 0 }, fields: 0, right: 0, found: 0, wrong: 0, mistakes: [] };
  const sameText = (a: string, b: string) => {
    if (expected.noisy) return similarity(foldVietnamese(a), foldVietnamese(b)) >= 0.85;
    if (expected.folded) return foldVietnamese(a) === foldVietnamese(b);
    return a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
  };
  const field = (name: string, got: string | number | null | undefined, want: string | number | null | undefined, text = false, also?: Tally) => {
    const tallies = also ? [score, also] : [score];
    const add = (key: keyof Tally) => {
      for (const t of tallies) t[key]++;
    };
    add('fields');
    const has = got !== null && got !== undefined && got !== '';
    const wants = want !== null && want !== undefined && want !== '';
    if (!has) {
      if (!wants) add('right');
      return;
    }
    add('found');
    if (wants && (text ? sameText(String(got), String(want)) : got === want)) add('right');
    else {
      add('wrong');
      score.mistakes.push(`${name}: ${JSON.stringify(got)} (document: ${JSON.stringify(want ?? null)})`);
    }
  };
  const pick = <T>(override: T | undefined, own: T) => (override === undefined ? own : override);

  field('issuer', draft.issuer.name, pick(expected.issuerName, reference.issuer.name), true);
  field('issuer level', draft.issuer.level, pick(expected.issuerLevel, reference.issuer.level));
  field('number', draft.number, pick(expected.number, reference.number));
  field('issued on', draft.issuedOn, reference.issuedOn);
  field('title', draft.title, reference.title, true);
  field('from year', draft.fromYear, reference.fromYear);
  field('to year', draft.toYear, reference.toYear);
  field('parent plan', draft.parentPlan?.number, reference.parentPlan?.number);
  const signer = pick(expected.signer, reference.signer);
  field('signer', draft.signer.name, pick(expected.signerName, signer.name), true);
  field('signer title', draft.signer.title, expected.signerTitle ? expected.signerTitle(signer.title ?? '') : signer.title, true);

  const keep = expected.keepTarget ?? (() => true);
  // Each item of the document found once among those read is right; what is read beyond them is wrong.
  const items = <T>(wanted: T[], read: T[], same: (got: T, want: T) => boolean, name: (item: T) => string, matched?: (got: T | null, want: T) => void) => {
    const left = [...read];
    for (const want of wanted) {
      score.fields++;
      const at = left.findIndex((got) => same(got, want));
      matched?.(at < 0 ? null : (left[at] as T), want);
      if (at < 0) continue;
      score.right++;
      score.found++;
      left.splice(at, 1);
    }
    for (const extra of left) {
      score.found++;
      score.wrong++;
      score.mistakes.push(`${name(extra)} not in the document`);
    }
  };
  const targetKey = (t: TargetDraft) => `${t.indicatorCode}|${t.comparator}|${t.value}|${t.unit}|${t.year}`;
  const wantedTargets = reference.targets.filter((t) => keep(t.text));
  // A target left without its value (the number read was implausible) is missing, not wrong, when
  // the document has such a target; it counts as a target the document lacks otherwise.
  const sameButValue = (got: TargetDraft, want: TargetDraft) => targetKey({ ...got, value: want.value }) === targetKey(want);
  const valueless = draft.targets.filter((t) => t.value === null);
  for (const t of valueless.filter((t) => !wantedTargets.some((want) => sameButValue(t, want)))) {
    score.found++;
    score.wrong++;
    score.mistakes.push(`target ${targetKey(t)} not in the document`);
  }
  const baselineOf = expected.baseline ?? ((t: TargetDraft) => ({ baseline: t.baseline, baselineYear: t.baselineYear }));
  // Each target of the document has a baseline and its year, as fields: missing when the target is.
  const compareBaseline = (got: TargetDraft | null, want: TargetDraft) => {
    const truth = baselineOf(want);
    field(`baseline of ${targetKey(want)}`, got?.baseline, truth.baseline, false, score.baselines);
    field(`baseline year of ${targetKey(want)}`, got?.baselineYear, truth.baselineYear, false, score.baselines);
  };
  items(wantedTargets, draft.targets.filter((t) => t.value !== null), (got, want) => targetKey(got) === targetKey(want), (t) => `target ${targetKey(t)}`, compareBaseline);
  items(
    reference.tasks.filter((t) => keep(t.text)),
    draft.tasks,
    (got: TaskDraft, want: TaskDraft) => got.section === (expected.section?.(want.section) ?? want.section) && sameText(got.text.slice(0, 60), want.text.slice(0, 60)),
    (t) => `task ${t.section} ${t.text.slice(0, 50)}`,
  );

  if (expected.warns) {
    score.fields++;
    if (draft.warnings.some((w) => expected.warns?.test(w.vi))) score.right++;
    else score.mistakes.push(`no warning matching ${expected.warns}`);
  }
  return score;
}

export function addScores(a: Score, b: Score): Score {
  const sum = (x: Tally, y: Tally): Tally => ({ fields: x.fields + y.fields, right: x.right + y.right, found: x.found + y.found, wrong: x.wrong + y.wrong });
  return { ...sum(a, b), baselines: sum(a.baselines, b.baselines), mistakes: [...a.mistakes, ...b.mistakes] };
}

export const NO_SCORE: Score = { baselines: { fields: 0, right: 0, found: 0, wrong: 0 }, fields: 0, right: 0, found: 0, wrong: 0, mistakes: [] };
