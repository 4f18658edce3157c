// Shapes of the population registry and the health record (docs/api.md, "Endpoints (issue:
// population registry and health records)"). Keep them in step with that page.
import type { Warning } from './types';

export type Sex = 'male' | 'female';
export type ResidenceStatus = 'permanent' | 'temporary' | 'absent';
export type Relationship = 'head' | 'spouse' | 'child' | 'parent' | 'grandchild' | 'grandparent' | 'sibling' | 'in_law' | 'other';
export type ResidentStatus = 'active' | 'moved_out' | 'deceased' | 'merged';

export type ResidentFields = {
  fullName: string;
  sex: Sex;
  birthDate?: string | null;
  /** When only the year is known. */
  birthYear?: number | null;
  citizenId?: string | null;
  insuranceCode?: string | null;
  insuranceValidFrom?: string | null;
  insuranceValidTo?: string | null;
  insuranceFacility?: string | null;
  beneficiaryGroup?: string | null;
  phone?: string | null;
  ethnicityCode?: string | null;
  occupation?: string | null;
  residenceStatus?: ResidenceStatus;
  relationship?: Relationship | null;
};

export type Resident = Omit<ResidentFields, 'birthYear' | 'residenceStatus' | 'relationship'> & {
  id: number;
  birthDate: string | null;
  birthYear: number;
  citizenId: string | null;
  insuranceCode: string | null;
  socialInsuranceNo: string | null;
  ethnicityName: string | null;
  residenceStatus: ResidenceStatus;
  relationship: Relationship | null;
  status: ResidentStatus;
  deathDate: string | null;
  mergedInto: number | null;
  householdId: number | null;
  warnings: Warning[];
  communeId: number;
  communeName: string;
  villageId: number | null;
  villageName: string | null;
  /** The insurance card is valid today. */
  insured: boolean;
  hasRecord: boolean;
  createdAt: string;
  updatedAt: string;
};

export type NewResident = ResidentFields & { unitId: number; householdId?: number | null; confirmWarnings?: boolean };
export type ResidentPatch = Partial<ResidentFields> & { unitId?: number; confirmWarnings?: boolean };

export type Household = {
  id: number;
  code: string | null;
  address: string;
  communeId: number;
  communeName: string;
  villageId: number | null;
  villageName: string | null;
  headId: number | null;
  headName: string | null;
  memberCount: number;
  createdAt: string;
};

export type HouseholdDetail = Household & { members: Resident[] };

export type NewHousehold = {
  unitId: number;
  code?: string | null;
  address: string;
  members: ResidentFields[];
  confirmWarnings?: boolean;
};

export type LifeEventKind = 'move_out' | 'move_in' | 'death';
export type LifeEvent = { kind: LifeEventKind; date: string; toUnitId?: number; note?: string };

export type Icd10 = { code: string; nameVi: string; nameEn: string | null; chapter: string | null };
export type EthnicGroup = { code: string; name: string; otherNames: string | null };
export type Vaccine = { code: string; nameVi: string; nameEn: string; expandedProgramme: boolean };

type Level3 = 'none' | 'occasional' | 'regular';

/** Part 2 of the 831 record (Tiền sử và yếu tố nguy cơ); every section optional. */
export type History = {
  personalHistory?: { conditions: string[]; other?: string | null };
  surgeries?: string | null;
  familyHistory?: { relation: string; icd10Code?: string | null; condition?: string | null }[];
  allergies?: { drugs?: string | null; chemicals?: string | null; food?: string | null; other?: string | null };
  disabilities?: {
    hearing?: boolean;
    vision?: boolean;
    hands?: boolean;
    legs?: boolean;
    spine?: boolean;
    cleftLipPalate?: boolean;
    other?: string | null;
  };
  tobacco?: 'never' | 'current' | 'former' | null;
  alcohol?: { status: Level3; glassesPerDay?: number | null } | null;
  drugUse?: boolean;
  physicalActivity?: Level3 | null;
  occupationalExposure?: { factor: string; years?: number | null } | null;
  reproductive?: {
    contraception?: string | null;
    pregnancies?: number | null;
    termBirths?: number | null;
    pretermBirths?: number | null;
    miscarriages?: number | null;
    abortions?: number | null;
    livingChildren?: number | null;
    gynaecologicalConditions?: string | null;
  } | null;
  other?: string | null;
};

export type Immunization = {
  id: number;
  vaccineCode: string;
  vaccineName: string;
  dose: number;
  date: string;
  facilityName: string | null;
  lot: string | null;
  note: string | null;
};

export type Prescription = { drug: string; dose: string | null; quantity: string | null; days: number | null };

export type Encounter = {
  id: number;
  date: string;
  type: string;
  facilityName: string | null;
  practitioner: string | null;
  reason: string | null;
  notes: string | null;
  diagnoses: { code: string; nameVi: string; isPrimary: boolean }[];
  observations: Record<string, number>;
  bmi: number | null;
  prescriptions: Prescription[];
};

export type TimelineEntry = { date: string; kind: string; title: string; titleEn: string };

export type HealthRecord = {
  resident: Resident;
  household: { id: number; code: string | null; address: string; headName: string | null } | null;
  opened: boolean;
  history: History;
  immunizations: Immunization[];
  encounters: Encounter[];
  timeline: TimelineEntry[];
  updatedAt: string | null;
};

export type NewEncounter = {
  date: string;
  type: string;
  facilityId?: number;
  practitioner?: string;
  reason?: string;
  notes?: string;
  /** ICD-10 codes; the first is the main diagnosis. */
  diagnoses?: string[];
  observations?: Record<string, number>;
  prescriptions?: { drug: string; dose?: string; quantity?: string; days?: number }[];
};

export type NewImmunization = { vaccineCode: string; dose: number; date: string; facilityId?: number; lot?: string; note?: string };

/** Coverage (targets ≥95%): `null` figures are suppressed (fewer than 5 people, for roles without access to personal records). */
export type CoverageRow = {
  id: number;
  code: string;
  name: string;
  level: string;
  residents: number | null;
  withRecord: number | null;
  insured: number | null;
  recordRate: number | null;
  insuredRate: number | null;
  suppressed: boolean;
};

export type Coverage = { asOf: string; unit: CoverageRow; children: CoverageRow[] };
