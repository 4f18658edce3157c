import type { Messages } from './vi';

export const enFeedback: Messages['feedback'] = {
  saved: {
    encounter: 'Examination of {{date}} saved',
    encounterHint: 'The examination is now in the health record.',
    task: 'Task update saved',
    taskHint: '{{section}} {{text}} — {{progress}}%',
  },
  password: {
    tooShort: 'At least {{min}} characters ({{count}} so far)',
    sameAsCurrent: 'The new password must differ from the current one',
    hint: 'At least {{min}} characters',
  },
  dashboard: {
    noAccess: 'This unit was not found or is outside your scope',
    noAccessHint: 'The unit in the address (id {{id}}) cannot be seen with this account.',
    backToScope: 'Back to my unit',
    standing: { met: 'Met', near: 'Near', far: 'Far', none: 'No target' },
    standingLegend: 'Colours follow the target: green — met; orange — near (short by at most 10% of the target); red — far; slate — no target.',
    noTarget: 'No plan sets this target for the unit; the bars are not coloured met or not.',
    imageUnit: 'Unit: {{unit}}',
    imagePeriod: 'Period: {{period}}',
    imageTargets: 'Plan targets against the figures',
    imageTrend: 'Trend by quarter: {{indicator}}',
    imageValue: 'Measure: {{measure}}',
    percent: '%',
    count: 'count',
  },
  plan: {
    more: 'More',
    less: 'Less',
  },
  report: {
    preparing: 'Preparing the {{format}} report…',
    ready: '{{format}} report downloaded',
  },
};
