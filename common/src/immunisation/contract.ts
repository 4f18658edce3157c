/** The immunisation programme's HTTP shapes: the schedule as served, and the due list. Validation, OpenAPI and web types. */
import { type Static, Type } from 'typebox';
import { IsoDate, literalUnion, listOf, Nullable, Page } from '../http/contract.ts';
import { ANTIGENS, DOSE_STATUSES, LISTED_DOSE_STATUSES } from './codes.ts';

export const AntigenCode = literalUnion(ANTIGENS);
export const ListedDoseStatus = literalUnion(LISTED_DOSE_STATUSES);
export type ListedDoseStatus = Static<typeof ListedDoseStatus>;

/** One row of the schedule, with its series' names, vaccines and the diseases they cover. */
export const ScheduleRow = Type.Object({
  series: Type.String(),
  seriesNameVi: Type.String(),
  seriesNameEn: Type.String(),
  dose: Type.Integer({ minimum: 1 }),
  ageMonths: Type.Integer({ minimum: 0 }),
  ageDays: Type.Integer({ minimum: 0 }),
  minIntervalDays: Nullable(Type.Integer({ minimum: 0 })),
  catchUpMonths: Nullable(Type.Integer({ minimum: 0 })),
  effectiveFrom: Nullable(IsoDate),
  effectiveTo: Nullable(IsoDate),
  vaccines: Type.Array(Type.String()),
  antigens: Type.Array(AntigenCode),
  source: Type.String(),
});
export type ScheduleRow = Static<typeof ScheduleRow>;

export const ScheduleList = listOf(ScheduleRow);
export type ScheduleList = Static<typeof ScheduleList>;

export const DueQuery = Type.Object({
  ...Page,
  orgUnit: Type.Integer({ minimum: 1, description: 'a commune or village (or a larger unit) in the caller’s scope' }),
  status: Type.Optional(ListedDoseStatus),
  antigen: Type.Optional(AntigenCode),
  day: Type.Optional(IsoDate),
});
export type DueQuery = Static<typeof DueQuery>;

export const DueDose = Type.Object({
  series: Type.String(),
  dose: Type.Integer({ minimum: 1 }),
  dueDate: IsoDate,
  status: literalUnion(DOSE_STATUSES),
});
export type DueDose = Static<typeof DueDose>;

/** A child on the list and the doses they are due for, most overdue first. */
export const DueChild = Type.Object({
  residentId: Type.Integer(),
  fullName: Type.String(),
  birthDate: IsoDate,
  sex: Type.String(),
  villageId: Nullable(Type.Integer()),
  villageName: Nullable(Type.String()),
  address: Nullable(Type.String()),
  carer: Nullable(Type.String({ description: 'the household head, whom the invitation is addressed to' })),
  doses: Type.Array(DueDose),
});
export type DueChild = Static<typeof DueChild>;

export const DueList = Type.Object({ items: Type.Array(DueChild), total: Type.Integer(), day: IsoDate });
export type DueList = Static<typeof DueList>;
