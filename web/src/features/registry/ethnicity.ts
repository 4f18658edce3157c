// Finding an ethnic group as the resident search finds a name: without diacritics, đ as d, each
// typed word starting a word of the name ("thai" finds Thái, "san diu" Sán Dìu), or of one of the
// group's other names (Tày Thanh is Thái), or its statistical code.
import { type EthnicGroup, foldVietnamese } from '@ytcs/common';

const startsWords = (typed: string[], text: string) => {
  const words = foldVietnamese(text).split(/[\s,()-]+/).filter(Boolean);
  return typed.every((t) => words.some((w) => w.startsWith(t)));
};

/** How well a group answers what was typed: 0 its name, 1 another name, 2 its code; null not at all. */
export function ethnicityMatch(input: string, group: Pick<EthnicGroup, 'code' | 'name' | 'otherNames'>): number | null {
  const typed = foldVietnamese(input).split(' ').filter(Boolean);
  if (typed.length === 0) return 0;
  if (startsWords(typed, group.name)) return 0;
  if (group.otherNames?.split(',').some((other) => startsWords(typed, other))) return 1;
  if (typed.length === 1 && group.code.startsWith(typed[0] as string)) return 2;
  return null;
}
