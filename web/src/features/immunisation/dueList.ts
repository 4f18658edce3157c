// What the due list shows of a child's doses, and the invitation list's grouping by village:
// kept apart from the pages so they are tested without a browser.
import type { DueChild, DueDose, ScheduleRow } from '@ytcs/common';

export type SeriesNames = Record<string, string>;

/** The series' names in the reader's language, from the schedule rows. */
export function seriesNames(rows: readonly ScheduleRow[] | undefined, lang: 'vi' | 'en'): SeriesNames {
  return Object.fromEntries((rows ?? []).map((r) => [r.series, lang === 'vi' ? r.seriesNameVi : r.seriesNameEn]));
}

/** The colour of a dose's tag: a missed first dose is the most urgent. */
export const STATUS_COLOURS: Record<string, string> = { due: 'blue', overdue: 'orange', not_started: 'red' };

/** The key of a status' text in the catalogue (`immunisation.statuses.*`). */
export const statusKey = (status: string) => `immunisation.statuses.${status === 'not_started' ? 'notStarted' : status}`;

/** "DPT-VGB-Hib (5 trong 1) 2" — the series' name (its code when unknown) and the dose number. */
export const doseName = (dose: DueDose, names: SeriesNames) => `${names[dose.series] ?? dose.series} ${dose.dose}`;

export interface VillageGroup {
  villageId: number | null;
  villageName: string | null;
  children: DueChild[];
}

/** The children by village, in the list's order (the server sorts by village, then the longest waiting). */
export function byVillage(children: readonly DueChild[]): VillageGroup[] {
  const groups: VillageGroup[] = [];
  for (const child of children) {
    const last = groups[groups.length - 1];
    if (last && last.villageId === child.villageId) last.children.push(child);
    else groups.push({ villageId: child.villageId, villageName: child.villageName, children: [child] });
  }
  return groups;
}
