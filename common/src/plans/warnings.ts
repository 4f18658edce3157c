/** What the reviewer must check: messages of the server's catalogue (`plans.draft.*`), as a plan draft carries them. */
import { type Said, say } from '../messages/index.ts';
import type { PlanWarning } from './types.ts';

const w = ({ key, params, message, messageEn }: Said): PlanWarning => ({ key, ...(params ? { params } : {}), vi: message, en: messageEn });

export const WARN = {
  numberMissing: () => w(say('plans.draft.numberMissing')),
  numberBlank: () => w(say('plans.draft.numberBlank')),
  dateMissing: () => w(say('plans.draft.dateMissing')),
  dayBlank: () => w(say('plans.draft.dayBlank')),
  issuerInferred: (name: string) => w(say('plans.draft.issuerInferred', { name })),
  issuerMissing: () => w(say('plans.draft.issuerMissing')),
  implementsMissing: () => w(say('plans.draft.implementsMissing')),
  parentMissing: () => w(say('plans.draft.parentMissing')),
  noTargets: () => w(say('plans.draft.noTargets')),
  targetsImplied: (n: number) => w(say('plans.draft.targetsImplied', { targets: n })),
  targetsWithoutYear: (n: number) => w(say('plans.draft.targetsWithoutYear', { targets: n })),
  targetsWithoutIndicator: (n: number) => w(say('plans.draft.targetsWithoutIndicator', { targets: n })),
  noTasks: () => w(say('plans.draft.noTasks')),
  tasksWithoutLead: (n: number) => w(say('plans.draft.tasksWithoutLead', { tasks: n })),
  noRecipients: () => w(say('plans.draft.noRecipients')),
  signerMissing: () => w(say('plans.draft.signerMissing')),
  signerDoubtful: (line: string) => w(say('plans.draft.signerDoubtful', { line })),
  periodUnclear: () => w(say('plans.draft.periodUnclear')),
  valueImplausible: (line: string, figure: string, range: string) => w(say('plans.draft.valueImplausible', { line, figure, range })),
  truncated: () => w(say('plans.draft.truncated')),
  percentUnreadable: (examples: string[]) => w(say('plans.draft.percentUnreadable', { percentages: examples.length, examples: examples.slice(0, 3).join(', ') })),
};
