/**
 * The duties of a personal-data controller (Law 91/2025): give a person everything held on them,
 * with who accessed their record and when; and, for a breach notice within 72 hours, report who
 * read which records in a period. Both are audited. Correction is the resident edit (audited with
 * the names of the fields changed, never their values).
 */
import { say } from '@ytcs/common';
import type { Kysely } from 'kysely';
import type { RequestContext } from '../../access/context.ts';
import { type Scope, covers } from '../../access/principal.ts';
import type { DB } from '../../db/schema.ts';
import { invalid, notFound } from '../../errors.ts';
import { isCountryWide, recordAudit } from '../audit/index.ts';
import { recordService } from '../records/index.ts';
import { type AccessReportFilter, type AccessRow, accessLog, accessPage, accessSummary, findUnit } from './privacy.repository.ts';

/** Rows in the JSON answer; the spreadsheet carries every row. */
export const JSON_ROWS = 5000;
const PAGE = 2000;
const MAX_DAYS = 366;

export function privacyService(db: Kysely<DB>) {
  const records = recordService(db);

  async function checkPeriod(scope: Scope, f: AccessReportFilter) {
    const days = (Date.parse(f.to) - Date.parse(f.from)) / 86_400_000;
    if (!(days >= 0)) throw invalid([{ field: 'to', ...say('privacy.endBeforeStart') }]);
    if (days > MAX_DAYS) throw invalid([{ field: 'to', ...say('privacy.periodTooLong') }]);
    if (f.unitId) {
      const unit = await findUnit(db, f.unitId);
      if (!unit || !covers(scope, unit.path)) throw notFound();
    }
  }

  return {
    /** Everything held on a person, and every audited access to it (this one included). */
    async personalData(ctx: RequestContext, id: number, format: 'json' | 'docx') {
      const record = await records.read(ctx, id, [{ action: 'resident.personal_data', details: { format } }]);
      return { generatedAt: new Date().toISOString(), ...record, accessLog: await accessLog(db, id, record.household?.id ?? null) };
    },

    async accessReport(ctx: RequestContext, f: AccessReportFilter, format: 'json' | 'xlsx') {
      const { scope } = ctx;
      const countryWide = isCountryWide(scope);
      await checkPeriod(scope, f);
      const [summary, first] = await Promise.all([accessSummary(db, scope, countryWide, f), accessPage(db, scope, countryWide, f, null, format === 'json' ? JSON_ROWS : PAGE)]);
      const total = summary.reduce((n, s) => n + s.events, 0);
      await recordAudit(db, ctx.actor, { action: 'audit.access_report', entityType: 'audit', orgUnitId: f.unitId ?? null, details: { from: f.from, to: f.to, unit: f.unitId ?? null, format, rows: total } });
      async function* rows(): AsyncGenerator<AccessRow> {
        let page = first;
        while (page.length > 0) {
          for (const r of page) yield r.row;
          const last = page[page.length - 1];
          if (page.length < PAGE || !last) return;
          page = await accessPage(db, scope, countryWide, f, last.cursor, PAGE);
        }
      }
      return { total, users: summary, first: first.map((r) => r.row), rows };
    },
  };
}
