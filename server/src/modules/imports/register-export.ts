/**
 * The register of a commune (or village) as a spreadsheet with the headers the importer reads, so
 * an export imports back cleanly: a station can fix its data in Excel, or move it to another
 * server. Households together, head first. The ids are read once in order, the people a page at a
 * time, and each row leaves as it is written (streaming WorkbookWriter). Audited with the count.
 */
import { formatDateVi } from '@ytcs/common';
import { type Kysely, sql } from 'kysely';
import type { Scope } from '../../access/principal.ts';
import type { DB } from '../../db/schema.ts';
import { orgUnitInScope } from '../../db/scope.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../../http/app-types.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { homeUnitInScope } from '../registry/registry.scope.ts';
import { type ImportField, headerOf } from './imports.columns.ts';
import { RELATIONSHIP_LABELS, RESIDENCE_LABELS, SEX_LABELS, ethnicityReader } from './imports.values.ts';
import { XLSX_TYPE, xlsxStream } from './imports.xlsx.ts';

/** The register's columns in the export's order: what a station gets and sends back. */
export const REGISTER_COLUMNS: ImportField[] = [
  'village',
  'householdCode',
  'address',
  'relationship',
  'fullName',
  'sex',
  'birthDate',
  'citizenId',
  'insuranceCode',
  'insuranceValidFrom',
  'insuranceValidTo',
  'insuranceFacility',
  'beneficiaryGroup',
  'phone',
  'ethnicity',
  'occupation',
  'residenceStatus',
];
const PAGE = 2000;

/** One person as the register lists them (ISO dates, codes), before they are written as cells. */
export interface RegisterPerson {
  village: string | null;
  householdCode: string | null;
  address: string | null;
  relationship: string | null;
  fullName: string;
  sex: string;
  birthDate: string | null;
  birthYear: number;
  citizenId: string | null;
  insuranceCode: string | null;
  insuranceValidFrom: string | null;
  insuranceValidTo: string | null;
  insuranceFacility: string | null;
  beneficiaryGroup: string | null;
  phone: string | null;
  ethnicityCode: string | null;
  occupation: string | null;
  residenceStatus: string;
}

/** A person's cells in REGISTER_COLUMNS order, as the importer reads them back (labels, dd/mm/yyyy). */
export function registerCells(p: RegisterPerson, ethnicityName: (code: string | null) => string): string[] {
  const value: Record<ImportField, string> = {
    village: p.village ?? '',
    householdCode: p.householdCode ?? '',
    address: p.address ?? '',
    relationship: p.relationship ? (RELATIONSHIP_LABELS[p.relationship as keyof typeof RELATIONSHIP_LABELS] ?? '') : '',
    fullName: p.fullName,
    sex: SEX_LABELS[p.sex as 'male' | 'female'] ?? p.sex,
    birthDate: p.birthDate ? formatDateVi(p.birthDate) : String(p.birthYear),
    birthYear: String(p.birthYear),
    citizenId: p.citizenId ?? '',
    insuranceCode: p.insuranceCode ?? '',
    insuranceValidFrom: formatDateVi(p.insuranceValidFrom),
    insuranceValidTo: formatDateVi(p.insuranceValidTo),
    insuranceFacility: p.insuranceFacility ?? '',
    beneficiaryGroup: p.beneficiaryGroup ?? '',
    phone: p.phone ?? '',
    ethnicity: ethnicityName(p.ethnicityCode),
    occupation: p.occupation ?? '',
    residenceStatus: RESIDENCE_LABELS[p.residenceStatus as keyof typeof RESIDENCE_LABELS] ?? '',
  };
  return REGISTER_COLUMNS.map((c) => value[c]);
}

export function registerExport(db: Kysely<DB>) {
  function people(ids: number[]) {
    return db
      .selectFrom('resident as r')
      .leftJoin('household as h', 'h.id', 'r.household_id')
      .leftJoin('org_unit as v', 'v.id', 'r.village_id')
      .where(sql<boolean>`r.id = any(${ids}::bigint[])`)
      .select([
        'r.id',
        'v.name as village',
        'h.code as householdCode',
        'h.address',
        'r.relationship',
        'r.full_name as fullName',
        'r.sex',
        'r.birth_date as birthDate',
        'r.birth_year as birthYear',
        'r.citizen_id as citizenId',
        'r.insurance_code as insuranceCode',
        'r.insurance_valid_from as insuranceValidFrom',
        'r.insurance_valid_to as insuranceValidTo',
        'r.insurance_facility as insuranceFacility',
        'r.beneficiary_group as beneficiaryGroup',
        'r.phone',
        'r.ethnicity_code as ethnicityCode',
        'r.occupation',
        'r.residence_status as residenceStatus',
      ])
      .execute();
  }

  return {
    async export(scope: Scope, actor: Actor, orgUnit: number, log: (err: unknown) => void) {
      const unit = await db.selectFrom('org_unit as o').where('o.id', '=', orgUnit).where(orgUnitInScope('o', scope)).select(['o.id', 'o.code', 'o.path']).executeTakeFirst();
      if (!unit) throw notFound();
      const under = db.selectFrom('org_unit as f').where(sql<boolean>`f.path <@ ${unit.path}::ltree`).select('f.id');
      const ordered = await db
        .selectFrom('resident as r')
        .leftJoin('org_unit as v', 'v.id', 'r.village_id')
        .leftJoin('household as h', 'h.id', 'r.household_id')
        .where('r.status', '=', 'active')
        .where('r.home_unit_id', 'in', under)
        .where(homeUnitInScope(db, 'r.home_unit_id', scope))
        .select('r.id')
        .orderBy('r.commune_id')
        .orderBy(sql`v.name nulls first`)
        .orderBy(sql`h.id nulls last`)
        .orderBy(sql`r.relationship = 'head'`, 'desc')
        .orderBy('r.birth_year')
        .orderBy('r.id')
        .execute();
      const ids = ordered.map((r) => r.id);
      await recordAudit(db, actor, { action: 'resident.export', entityType: 'resident', orgUnitId: unit.id, details: { orgUnit: unit.id, count: ids.length } });
      const ethnicity = ethnicityReader(await db.selectFrom('ethnic_group').select(['code', 'name', 'other_names']).execute());

      async function* rows() {
        for (let i = 0; i < ids.length; i += PAGE) {
          const page = ids.slice(i, i + PAGE);
          const byId = new Map((await people(page)).map((p) => [p.id, p]));
          for (const id of page) {
            const p = byId.get(id);
            if (!p) continue;
            yield registerCells(p, ethnicity.name);
          }
        }
      }
      const stream = xlsxStream('Dân cư', REGISTER_COLUMNS.map(headerOf), rows(), log);
      return { type: XLSX_TYPE, fileName: `dan-cu-${unit.code}.xlsx`, count: ids.length, stream };
    },
  };
}
