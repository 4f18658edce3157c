// How a page of tasks is laid out: a section label once for its run of tasks (III.1 over the
// four tasks of III.1, not four times), and the lead and partner columns only when a task on
// the page names one, so the task text gets the room.

/** The rowSpan of each row's section cell: the run's length on its first row, 0 on the rest. */
export function sectionSpans(sections: (string | null)[]): number[] {
  const spans = sections.map(() => 1);
  let start = 0;
  for (let i = 1; i <= sections.length; i++) {
    if (i < sections.length && sections[i] !== null && sections[i] === sections[start]) {
      spans[i] = 0;
      continue;
    }
    spans[start] = i - start;
    start = i;
  }
  return spans;
}

/** Which optional columns the page needs. */
export function taskColumns(tasks: { lead: string | null; coordinating: string[]; deadline: string | null; recurring: string | null }[]) {
  return {
    lead: tasks.some((t) => Boolean(t.lead?.trim())),
    coordinating: tasks.some((t) => t.coordinating.length > 0),
    deadline: tasks.some((t) => Boolean(t.deadline || t.recurring)),
  };
}
