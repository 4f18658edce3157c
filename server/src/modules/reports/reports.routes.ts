/** The periodic report of a plan as DOCX (administrative format) and its XLSX annex. */
import { Type } from 'typebox';
import { signedIn } from '../../access/principal.ts';
import type { App } from '../../http/app-types.ts';
import { IdParams } from '../../http/schemas.ts';
import { indicatorService } from '../indicators/index.ts';
import { planService } from '../plans/plans.service.ts';
import { reportService } from './reports.service.ts';

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export async function reportRoutes(app: App) {
  const indicators = indicatorService(app.db, app.config);
  const reports = reportService(app.db, planService(app.db, indicators), indicators);
  const Query = Type.Object({
    period: Type.String({ minLength: 4, maxLength: 6, description: '2026, 2026S1, 2026Q3 or 202609' }),
    kind: Type.Optional(Type.Union([Type.Literal('so_ket'), Type.Literal('tong_ket')])),
  });

  for (const format of ['docx', 'xlsx'] as const) {
    app.get(`/api/plans/:id/report.${format}`, {
      schema: {
        tags: ['reports'],
        operationId: format === 'docx' ? 'planReportDocx' : 'planReportXlsx',
        description: format === 'docx' ? 'The periodic report (báo cáo sơ kết/tổng kết) in the Decree 30/2020 format' : 'The figures annex of the periodic report',
        params: IdParams,
        querystring: Query,
      },
      config: { permission: 'plan.read' },
      handler: async (req, reply) => {
        const file = await reports.render(signedIn(req), req.scope, req.actor, req.params.id, req.query, format);
        const name = `bao-cao-ke-hoach-${req.params.id}-${req.query.period}.${format}`;
        return reply.header('content-type', MIME[format]).header('content-disposition', `attachment; filename="${name}"`).send(file);
      },
    });
  }
}
