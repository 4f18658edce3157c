/** The periodic report of a plan as DOCX (administrative format) and its XLSX annex. */
import { IdParams, REPORT_FORMATS, ReportQuery } from '@ytcs/common';
import { signedInContext } from '../../access/context.ts';
import type { App } from '../../http/app-types.ts';
import { indicatorService } from '../indicators/index.ts';
import { planService } from '../plans/index.ts';
import { reportService } from './reports.service.ts';

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export async function reportRoutes(app: App) {
  const indicators = indicatorService(app.db, app.config);
  const reports = reportService(app.db, planService(app.db, indicators), indicators);

  for (const format of REPORT_FORMATS) {
    app.get(`/api/plans/:id/report.${format}`, {
      schema: {
        tags: ['reports'],
        operationId: format === 'docx' ? 'planReportDocx' : 'planReportXlsx',
        description: format === 'docx' ? 'The periodic report (báo cáo sơ kết/tổng kết) in the Decree 30/2020 format' : 'The figures annex of the periodic report',
        params: IdParams,
        querystring: ReportQuery,
      },
      config: { permission: 'plan.read' },
      handler: async (req, reply) => {
        const file = await reports.render(signedInContext(req), req.params.id, req.query, format);
        const name = `bao-cao-ke-hoach-${req.params.id}-${req.query.period}.${format}`;
        return reply.header('content-type', MIME[format]).header('content-disposition', `attachment; filename="${name}"`).send(file);
      },
    });
  }
}
