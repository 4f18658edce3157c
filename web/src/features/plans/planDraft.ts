// The importer's draft (as the parser read the text) ↔ the review form ↔ the plan to save.
import type { Dayjs } from 'dayjs';
import type { Comparator, DocumentRef, DraftCandidate, NewPlan, PlanDraft } from '@ytcs/common';
import { parseIsoDate, toIsoDate } from '../../lib/dates';

export type TargetRow = { indicator?: string; comparator: Comparator; value?: number; year?: number | null; baseline?: number | null; baselineYear?: number | null; text?: string | null };
export type TaskRow = { section?: string | null; text?: string; lead?: string | null; coordinating: string[]; deadline?: Dayjs | null; recurring?: string | null };

export type ReviewValues = {
  orgUnitId?: number;
  number?: string | null;
  issuedOn?: Dayjs | null;
  title?: string;
  fromYear?: number | null;
  toYear?: number | null;
  legalBasis: DocumentRef[];
  targets: TargetRow[];
  tasks: TaskRow[];
  recipients: string[];
  signer: { authority?: string | null; title?: string | null; name?: string | null };
};

/** The unit to propose: the first candidate that still exists, else the first former one; the reviewer may choose another. */
export function proposedUnit(candidates: DraftCandidate[]): number | undefined {
  const current = candidates.filter((c) => !c.validTo);
  return current.length >= 1 ? current[0]?.id : candidates[0]?.id;
}

export function reviewValues(draft: PlanDraft, candidates: DraftCandidate[]): ReviewValues {
  return {
    orgUnitId: proposedUnit(candidates),
    number: draft.number,
    issuedOn: parseIsoDate(draft.issuedOn),
    title: draft.title,
    fromYear: draft.fromYear,
    toYear: draft.toYear,
    legalBasis: draft.legalBasis,
    targets: draft.targets.map((t) => ({ indicator: t.indicatorCode ?? undefined, comparator: t.comparator, value: t.value ?? undefined, year: t.year, baseline: t.baseline, baselineYear: t.baselineYear, text: t.text })),
    tasks: draft.tasks.map((t) => ({
      section: t.section || null,
      text: t.text,
      // The form takes one lead agency; a task led jointly keeps the others as partners.
      lead: t.lead[0] ?? null,
      coordinating: [...t.lead.slice(1), ...t.coordinating],
      deadline: parseIsoDate(t.deadline),
      recurring: t.recurring,
    })),
    recipients: draft.recipients.map((r) => r.name),
    signer: { ...draft.signer },
  };
}

const blank = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

export function toNewPlan(values: ReviewValues, draft: PlanDraft): NewPlan {
  const signer = { authority: blank(values.signer.authority), title: blank(values.signer.title), name: blank(values.signer.name) };
  return {
    orgUnitId: values.orgUnitId as number,
    number: blank(values.number),
    issuedOn: values.issuedOn ? toIsoDate(values.issuedOn) : null,
    title: (values.title ?? '').trim(),
    implements: draft.implements,
    parentRef: draft.parentPlan,
    legalBasis: values.legalBasis,
    fromYear: values.fromYear ?? null,
    toYear: values.toYear ?? null,
    recipients: values.recipients.map((name) => ({ name, purpose: draft.recipients.find((r) => r.name === name)?.purpose ?? null })),
    signer: signer.authority || signer.title || signer.name ? signer : null,
    targets: values.targets.map((t) => ({ indicator: t.indicator ?? '', comparator: t.comparator, value: t.value ?? 0, year: t.year ?? null, baseline: t.baseline ?? null, baselineYear: t.baselineYear ?? null, text: t.text ?? null })),
    tasks: values.tasks.map((t) => ({
      section: blank(t.section),
      text: (t.text ?? '').trim(),
      lead: blank(t.lead),
      coordinating: t.coordinating.map((c) => c.trim()).filter(Boolean),
      deadline: t.deadline ? toIsoDate(t.deadline) : null,
      recurring: blank(t.recurring),
    })),
  };
}
