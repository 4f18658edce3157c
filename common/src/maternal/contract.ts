/** Pregnancies: registering one, its outcome (with the newborn's registration), the station's antenatal list. */
import { type Static, Type } from 'typebox';
import { IsoDate, literalUnion, Nullable, Page } from '../http/contract.ts';
import { RELATIONSHIPS } from '../registry/codes.ts';
import { ANC_STANDINGS, BIRTH_ATTENDANTS, DELIVERY_PLACES, PREGNANCY_OUTCOMES, PREGNANCY_RISKS, PREGNANCY_STATUSES } from './codes.ts';

const N = Nullable;

/** One of the last period's day or the expected date is needed: the expected date from an ultrasound wins. */
export const NewPregnancy = Type.Object({
  lmp: Type.Optional(IsoDate),
  edd: Type.Optional(IsoDate),
  gravida: Type.Optional(Type.Integer({ minimum: 1, maximum: 30, description: 'pregnancies including this one' })),
  para: Type.Optional(Type.Integer({ minimum: 0, maximum: 30, description: 'births before this one' })),
  risks: Type.Optional(Type.Array(literalUnion(PREGNANCY_RISKS), { maxItems: PREGNANCY_RISKS.length, uniqueItems: true })),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
});
export type NewPregnancy = Static<typeof NewPregnancy>;

/** How it ended; a live birth may register the newborn into the mother's household at once. */
export const PregnancyOutcomeBody = Type.Object({
  outcome: literalUnion(PREGNANCY_OUTCOMES),
  date: IsoDate,
  place: Type.Optional(literalUnion(DELIVERY_PLACES)),
  attendant: Type.Optional(literalUnion(BIRTH_ATTENDANTS)),
  newborn: Type.Optional(
    Type.Object({
      fullName: Type.String({ minLength: 2, maxLength: 100 }),
      sex: Type.Union([Type.Literal('male'), Type.Literal('female')]),
      /** The newborn's relationship to the household's head, as the mother's household records it. */
      relationship: Type.Optional(literalUnion(RELATIONSHIPS)),
      birthWeightKg: Type.Optional(Type.Number({ minimum: 0.3, maximum: 7 })),
    }),
  ),
});
export type PregnancyOutcomeBody = Static<typeof PregnancyOutcomeBody>;

export const Pregnancy = Type.Object({
  id: Type.Integer(),
  residentId: Type.Integer(),
  lmp: N(IsoDate),
  edd: IsoDate,
  gravida: N(Type.Integer()),
  para: N(Type.Integer()),
  risks: Type.Array(literalUnion(PREGNANCY_RISKS)),
  note: N(Type.String()),
  status: literalUnion(PREGNANCY_STATUSES),
  outcome: N(literalUnion(PREGNANCY_OUTCOMES)),
  outcomeDate: N(IsoDate),
  place: N(literalUnion(DELIVERY_PLACES)),
  attendant: N(literalUnion(BIRTH_ATTENDANTS)),
  newbornId: N(Type.Integer()),
  /** The antenatal visits (examinations of type antenatal) from the last period to the outcome. */
  visits: Type.Array(IsoDate),
  /** For an ongoing pregnancy, where its antenatal care stands today (common's ancStanding). */
  standing: N(literalUnion(ANC_STANDINGS)),
});
export type Pregnancy = Static<typeof Pregnancy>;

export const PregnancyListQuery = Type.Object({
  ...Page,
  orgUnit: Type.Optional(Type.Integer({ minimum: 1 })),
  standing: Type.Optional(literalUnion(ANC_STANDINGS)),
});
export type PregnancyListQuery = Static<typeof PregnancyListQuery>;

/** A row of the station's antenatal list: the woman, where she lives, how far along, her visits. */
export const AntenatalRow = Type.Object({
  pregnancyId: Type.Integer(),
  residentId: Type.Integer(),
  fullName: Type.String(),
  birthYear: N(Type.Integer()),
  villageName: N(Type.String()),
  phone: N(Type.String()),
  edd: IsoDate,
  weeks: Type.Integer(),
  visits: Type.Integer(),
  lastVisit: N(IsoDate),
  risks: Type.Array(literalUnion(PREGNANCY_RISKS)),
  standing: literalUnion(ANC_STANDINGS),
});
export type AntenatalRow = Static<typeof AntenatalRow>;

export const AntenatalPage = Type.Object({ items: Type.Array(AntenatalRow), total: Type.Integer() });
export type AntenatalPage = Static<typeof AntenatalPage>;
