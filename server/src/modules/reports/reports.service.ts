/**
 * The periodic report of a plan (báo cáo sơ kết / tổng kết): the plan, its targets judged on the
 * period's figures (with the previous period beside them), the tasks' progress and the child
 * units' figures, assembled for the renderers. The report is issued by the plan's issuer, or when
 * that unit is closed on the report's date by the unit that carries its history then, and is
 * addressed to the bodies of that date (addressing.ts); the plan keeps its historical issuer.
 */
import { parsePeriod, periodLabel, previousPeriods, todayIso, say } from '@ytcs/common';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { invalid } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { type IndicatorService, unitWithChildren } from '../indicators/index.ts';
import { closedLineOn, unitsByIds } from '../org-units/index.ts';
import { judge } from '@ytcs/common';
import type { PlanService, SignedIn } from '../plans/index.ts';
import { recipientsOn } from './addressing.ts';
import { renderReportXlsx } from './render/report.annex.ts';
import { renderReportDocx } from './render/report.document.ts';
import type { ReportChildRow, ReportData, ReportTarget, ReportTask } from './render/report.types.ts';

const KIND_PREFIX = /^(tỉnh|thành phố|thị xã|quận|huyện|phường|xã|thị trấn|đặc khu)\s+/i;
const CHILD_LABEL: Record<string, string> = { province: 'Xã, phường', district: 'Xã, phường, thị trấn', commune: 'Thôn, tổ dân phố' };

/** 'Phường Đức Xuân' → 'Đức Xuân' (the place line names the place, not its kind). */
export const placeName = (unitName: string) => unitName.replace(KIND_PREFIX, '');

export function reportService(db: Kysely<DB>, plans: PlanService, indicators: IndicatorService) {
  async function assemble(ctx: SignedIn, planId: number, q: { period: string; kind?: 'so_ket' | 'tong_ket' }, today = todayIso()): Promise<ReportData> {
    const period = parsePeriod(q.period);
    if (!period) throw invalid([{ field: 'period', ...say('reports.periodInvalid') }]);
    const plan = await plans.get(ctx, planId, today);
    const [previous] = previousPeriods(q.period, 2);
    const areas = await unitsByIds(db, plan.areaIds);
    const all = await indicators.list();
    const used = all.filter((i) => plan.targetList.some((t) => t.indicator === i.code));
    const figures = await indicators.combined(ctx, areas, used, [q.period, ...(previous ? [previous] : [])]);
    const at = (code: string, p: string) => figures.find((f) => f.indicator === code && f.period === p);

    const targets: ReportTarget[] = plan.targetList.map((t) => {
      const f = at(t.indicator, q.period);
      const current = { numerator: f?.numerator ?? null, denominator: f?.denominator ?? null, value: f?.value ?? null, suppressed: f?.suppressed ?? false };
      return {
        indicatorCode: t.indicator,
        indicatorName: t.indicatorName,
        unit: t.unit,
        comparator: t.comparator,
        targetValue: t.value,
        targetYear: t.year,
        baseline: t.baseline,
        current,
        previous: previous ? (at(t.indicator, previous)?.value ?? null) : null,
        standing: judge(t.comparator, t.value, current.value).standing,
      };
    });
    const tasks: ReportTask[] = plan.taskList.map((t) => ({
      section: t.section,
      text: t.text,
      lead: t.lead ?? '',
      coordinating: t.coordinating,
      deadline: t.deadline,
      status: t.overdue ? 'overdue' : t.status,
      progress: t.progress,
      lastNote: t.lastNote,
      lastUpdatedOn: new Date(t.updatedAt).toISOString().slice(0, 10),
    }));

    // Children: the villages of a commune plan, the communes of a wider one.
    const reporter = areas.length === 1 ? (areas[0] as (typeof areas)[number]) : null;
    const childUnits = reporter ? (await unitWithChildren(db, reporter.id, period.end)).slice(1) : areas;
    const childFigures = await indicators.figures(ctx, childUnits, used, [q.period]);
    const children: ReportChildRow[] = childUnits.map((u) => ({
      unitName: u.name,
      values: Object.fromEntries(
        childFigures.filter((f) => f.orgUnit === u.id).map((f) => [f.indicator, { numerator: f.numerator, denominator: f.denominator, value: f.value, suppressed: f.suppressed }]),
      ),
    }));

    // Closed on the report's date: the issuer (and its district, province) → today's successors.
    const closedLine = await closedLineOn(db, plan.orgUnitId, today);
    const heirs = closedLine[0]?.id === plan.orgUnitId ? closedLine[0].successors : [];
    const heir = heirs.find((h) => areas.some((a) => a.id === h.id)) ?? heirs[0];
    const issuerUnit = heir
      ? heir.name
      : plan.orgUnitLevel !== 'country' && areas.some((a) => a.id === plan.orgUnitId)
        ? plan.orgUnitName
        : (reporter?.name ?? plan.orgUnitName);
    const succeeded = closedLine.flatMap((u) => {
      const successor = u.successors.find((s) => s.id === heir?.id) ?? u.successors[0];
      return successor ? [{ name: u.name, level: u.level, successor }] : [];
    });
    const reportsUp = plan.recipients.filter((r) => r.purpose && /báo cáo/i.test(r.purpose));
    return {
      lang: 'vi',
      superior: null,
      issuer: `ỦY BAN NHÂN DÂN ${issuerUnit.toLocaleUpperCase('vi')}`,
      number: null,
      place: placeName(issuerUnit),
      date: today,
      kind: q.kind ?? (period.type === 'year' ? 'tong_ket' : 'so_ket'),
      periodCode: q.period,
      periodLabel: periodLabel(q.period, 'vi'),
      plan: { number: plan.number, issuedOn: plan.issuedOn, title: plan.title, issuer: `Ủy ban nhân dân ${plan.orgUnitName.replace(/^\p{Lu}/u, (c) => c.toLocaleLowerCase('vi'))}` },
      targets,
      tasks,
      children,
      childLevelLabel: CHILD_LABEL[reporter?.level ?? 'province'] ?? 'Đơn vị',
      recipients: recipientsOn(reportsUp.length > 0 ? reportsUp : plan.recipients, succeeded, issuerUnit),
      // The plan's signer signed for a body that no longer exists; the successor's is left to fill in.
      signer: heir
        ? { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: null }
        : { authority: plan.signer?.authority ?? 'TM. ỦY BAN NHÂN DÂN', title: plan.signer?.title ?? 'CHỦ TỊCH', name: plan.signer?.name ?? null },
      generatedBy: 'ytcs',
    };
  }

  return {
    assemble,
    async render(ctx: SignedIn, planId: number, q: { period: string; kind?: 'so_ket' | 'tong_ket' }, format: 'docx' | 'xlsx') {
      const data = await assemble(ctx, planId, q);
      const file = format === 'docx' ? await renderReportDocx(data) : await renderReportXlsx(data);
      // Filed under the plan's issuer, so the auditors of its province see who drew its reports.
      await recordAudit(db, ctx.actor, { action: 'report.generate', entityType: 'plan', entityId: planId, orgUnitId: await plans.issuer(planId), details: { period: q.period, format } });
      return file;
    },
  };
}
