/** Reference lists any signed-in user may read: diagnoses, ethnic groups, vaccines (validation, OpenAPI, web types). */
import { type Static, Type } from 'typebox';
import { Nullable, Page } from '../http/contract.ts';

export const Icd10 = Type.Object({ code: Type.String(), nameVi: Type.String(), nameEn: Nullable(Type.String()), chapter: Nullable(Type.String()) });
export type Icd10 = Static<typeof Icd10>;

export const Icd10Query = Type.Object({ ...Page, q: Type.Optional(Type.String({ maxLength: 100 })) });
export type Icd10Query = Static<typeof Icd10Query>;

export const EthnicGroup = Type.Object({ code: Type.String(), name: Type.String(), otherNames: Nullable(Type.String()) });
export type EthnicGroup = Static<typeof EthnicGroup>;

export const Vaccine = Type.Object({ code: Type.String(), nameVi: Type.String(), nameEn: Type.String(), expandedProgramme: Type.Boolean() });
export type Vaccine = Static<typeof Vaccine>;
