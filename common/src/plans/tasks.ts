/**
 * Tasks: one per bullet or paragraph of the solution sections ("NHIỆM VỤ, GIẢI PHÁP") and of
 * the agency blocks under "TỔ CHỨC THỰC HIỆN". The lead is the agency whose block it is, or the
 * unit a "Đơn vị chủ trì:" line names for the heading above; a solution nobody owns keeps an
 * empty lead so the reviewer assigns one.
 */
import { type Block, isHeading } from './blocks.ts';
import { foldWords } from './normalise.ts';
import type { Placed } from './sections.ts';
import type { TaskDraft } from './types.ts';
import { agencyHeading, coordinatingIn, deadlineOf, inlineLead, inlineTime, metaLine, recurringOf, splitUnits, taskRecurrence } from './units.ts';

interface Meta {
  lead: string[];
  coordinating: string[];
  deadline: string | null;
  recurring: string | null;
}

const TASK_SECTIONS = new Set(['solutions', 'organisation', 'reporting']);

function unique(units: string[], exclude: string[] = []): string[] {
  const seen = new Set(exclude.map((u) => foldWords(u)));
  return units.filter((u) => {
    const key = foldWords(u);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What the nearest headings say about owner and timing, innermost first. */
function inherited(headings: Block[], metas: Map<Block, Meta>): Meta {
  const out: Meta = { lead: [], coordinating: [], deadline: null, recurring: null };
  for (let i = headings.length - 1; i >= 0; i--) {
    const meta = metas.get(headings[i] as Block);
    if (!meta) continue;
    if (out.lead.length === 0) out.lead = meta.lead;
    out.coordinating = out.coordinating.length ? out.coordinating : meta.coordinating;
    out.deadline ??= meta.deadline;
    out.recurring ??= meta.recurring;
  }
  return out;
}

function metaOf(metas: Map<Block, Meta>, heading: Block): Meta {
  let meta = metas.get(heading);
  if (!meta) {
    meta = { lead: [], coordinating: [], deadline: null, recurring: null };
    metas.set(heading, meta);
  }
  return meta;
}

/** A list item's closing ";" or "," belongs to the list, not to the task. */
function taskText(text: string): string {
  return text.replace(/[\s;,]+$/u, '');
}

function makeTask(section: string, raw: string, meta: Meta, ownLead: string[] = []): TaskDraft {
  const text = taskText(raw);
  const lead = unique(ownLead.length ? ownLead : inlineLead(text).length ? inlineLead(text) : meta.lead);
  return {
    section,
    text,
    lead,
    coordinating: unique([...meta.coordinating, ...coordinatingIn(text)], lead),
    deadline: deadlineOf(text) ?? meta.deadline,
    recurring: taskRecurrence(text) ?? meta.recurring,
  };
}

export function findTasks(placed: Placed[]): TaskDraft[] {
  const metas = new Map<Block, Meta>();
  const tasks: TaskDraft[] = [];
  placed.forEach(({ block, section, kind, headings }, i) => {
    if (!TASK_SECTIONS.has(kind)) return;
    const parent = headings.at(-1);
    if (isHeading(block)) {
      const next = placed[i + 1];
      // "2.1." under "2." replaces it in the path, so a sub-number also counts as a child.
      const hasChildren = (next?.headings.includes(block) ?? false) || (next?.block.marker.startsWith(`${block.marker}.`) ?? false);
      const agency = block.kind !== 'roman' && kind !== 'solutions' ? agencyHeading(block.text) : null;
      if (agency) {
        metaOf(metas, block).lead = agency.units;
        if (agency.rest) tasks.push(makeTask(section, agency.rest, inherited([...headings, block], metas)));
        return;
      }
      const own = inlineLead(block.text);
      if (own.length) metaOf(metas, block).lead = own;
      const time = inlineTime(block.text);
      if (time) {
        metaOf(metas, block).deadline = deadlineOf(time, true);
        metaOf(metas, block).recurring = recurringOf(time);
      }
      // A numbered line with nothing under it is itself a task ("3. Tổ chức tập huấn ...").
      if (!hasChildren && block.kind !== 'roman' && block.text.split(' ').length >= 8) {
        tasks.push(makeTask(section, block.text, inherited([...headings, block], metas)));
      }
      return;
    }
    const meta = metaLine(block.text);
    if (meta && parent) {
      const m = metaOf(metas, parent);
      if (meta.field === 'lead') m.lead = splitUnits(meta.value);
      else if (meta.field === 'coordinating') m.coordinating = splitUnits(meta.value);
      else {
        m.deadline = deadlineOf(meta.value, true);
        m.recurring = recurringOf(meta.value);
      }
      return;
    }
    // "- Nội dung thực hiện:" introduces the bullets below it.
    if (/:$/.test(block.text) || block.text.split(' ').length < 4) return;
    tasks.push(makeTask(section, block.text, inherited(headings, metas)));
  });
  return tasks;
}
