/**
 * The register of a commune (or village) as a spreadsheet with the headers the importer reads, so
 * an export imports back cleanly: a station can fix its data in Excel, or move it to another
 * server. Households together, head first. The ids are read once in order, the people a page at a
 * time, and each row leaves as it is written (streaming WorkbookWriter). Audited with the count.
 */
import { formatDateVi } from '@ytcs/common';
import type { Kysely } from 'kysely';
import type { RequestContext } from '../../access/context.ts';
import type { DB } from '../../db/schema.ts';
import { type ResidentRow, readPersonal } from '../registry/index.ts';
import { ethnicGroups } from './imports.repository.ts';
import { registerOf, registerPeople } from './register-export.repository.ts';
import { type ImportField, headerOf } from './imports.columns.ts';
import { RELATIONSHIP_LABELS, RESIDENCE_LABELS, SEX_LABELS, ethnicityReader } from './imports.values.ts';
import { XLSX_TYPE, xlsxStream } from './imports.xlsx.ts';

/** The register's columns in the export's order: what a station gets and sends back. */
export const REGISTER_COLUMNS = [
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
] as const satisfies readonly ImportField[];
const PAGE = 2000;

/** One person as the register lists them (ISO dates, codes), before they are written as cells. */
export type RegisterPerson = Omit<ResidentRow, 'socialInsuranceNo'> & {
  village: string | null;
  householdCode: string | null;
  address: string | null;
  relationship: string | null;
};

/** A person's cells by field, as the importer reads them back (labels, dd/mm/yyyy). */
export function registerValues(p: RegisterPerson, ethnicityName: (code: string | null) => string): Record<ImportField, string> {
  return {
    village: p.village ?? '',
    householdCode: p.householdCode ?? '',
    address: p.address ?? '',
    relationship: p.relationship ? (RELATIONSHIP_LABELS[p.relationship as keyof typeof RELATIONSHIP_LABELS] ?? '') : '',
    head: p.relationship === 'head' ? 'x' : '',
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
}

/** A person's cells in REGISTER_COLUMNS order. */
export function registerCells(p: RegisterPerson, ethnicityName: (code: string | null) => string): string[] {
  const value = registerValues(p, ethnicityName);
  return REGISTER_COLUMNS.map((c) => value[c]);
}

/**
 * The template a station fills in: the register's headers and one example row (a made-up person,
 * without personal ID or card numbers), as the importer reads it.
 */
export function importTemplate(log: (err: unknown) => void) {
  const example: Record<(typeof REGISTER_COLUMNS)[number], string> = {
    village: 'Thôn 1',
    householdCode: 'H001',
    address: 'Số 1, Thôn 1',
    relationship: 'Chủ hộ',
    fullName: 'Nguyễn Văn A',
    sex: 'Nam',
    birthDate: '01/01/1980',
    citizenId: '',
    insuranceCode: '',
    insuranceValidFrom: '',
    insuranceValidTo: '',
    insuranceFacility: '',
    beneficiaryGroup: '',
    phone: '',
    ethnicity: 'Kinh',
    occupation: 'Làm ruộng',
    residenceStatus: 'Thường trú',
  };
  const rows = (async function* () {
    yield REGISTER_COLUMNS.map((c) => example[c]);
  })();
  return { type: XLSX_TYPE, fileName: 'mau-nhap-dan-cu.xlsx', stream: xlsxStream('Dân cư', REGISTER_COLUMNS.map(headerOf), rows, log) };
}

export function registerExport(db: Kysely<DB>) {
  return {
    async export(ctx: RequestContext, orgUnit: number, log: (err: unknown) => void) {
      const { scope } = ctx;
      // The people are read a page at a time while the file is written; the gateway audits the
      // list of them (with its count) before the first row leaves.
      const { unit, ids } = await readPersonal(db, ctx, (trx) => registerOf(trx, scope, orgUnit), ({ unit, ids }) => [
        { action: 'resident.export', entityType: 'resident', orgUnitId: unit.id, details: { orgUnit: unit.id, count: ids.length } },
      ]);
      const ethnicity = ethnicityReader(await ethnicGroups(db));

      async function* rows() {
        for (let i = 0; i < ids.length; i += PAGE) {
          const page = ids.slice(i, i + PAGE);
          const byId = new Map((await registerPeople(db, page)).map((p) => [p.id, p]));
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
