import { describe, expect, it } from 'vitest';
import { sectionSpans, taskColumns } from './taskTable';

describe('a page of tasks', () => {
  it('shows a section label once over its run of tasks', () => {
    expect(sectionSpans(['III.1', 'III.1', 'III.1', 'III.2', 'III.2', 'III.3'])).toEqual([3, 0, 0, 2, 0, 1]);
    // A label that comes back after another is a new run; tasks without one stand alone.
    expect(sectionSpans(['1', '2', '1', null, null])).toEqual([1, 1, 1, 1, 1]);
    expect(sectionSpans([])).toEqual([]);
  });

  it('leaves out the lead and partner columns when no task on the page names one', () => {
    const bare = { lead: null, coordinating: [], deadline: null, recurring: null };
    expect(taskColumns([bare, { ...bare, recurring: 'thường xuyên' }])).toEqual({ lead: false, coordinating: false, deadline: true });
    expect(taskColumns([bare, { ...bare, lead: 'Trạm Y tế', coordinating: ['Công an'] }])).toEqual({ lead: true, coordinating: true, deadline: false });
    expect(taskColumns([{ ...bare, lead: '  ' }]).lead).toBe(false);
  });
});
