/**
 * Privacy duties (Law 91/2025): a person's own data for them (JSON, and a DOCX to hand over), and
 * the breach-notice report of who read which records in a period (JSON, XLSX). Both audited.
 */
import { AccessReport, AccessReportQuery, IdParams, PersonalData, auditActionKey, auditEntityKey, isMessageKey, sayIn } from '@ytcs/common';
import { contextOf } from '../../access/context.ts';
import type { App } from '../../http/app-types.ts';
import { xlsxStream } from '../imports/index.ts';
import { personalDataDocument } from './privacy.document.ts';
import { privacyService } from './privacy.service.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = ['Thời điểm (UTC)', 'Mã tài khoản', 'Tài khoản', 'Họ tên', 'Thao tác', 'Loại hồ sơ', 'Mã hồ sơ', 'Đơn vị', 'Số kết quả', 'Địa chỉ IP', 'Mã sự kiện', 'Thao tác (diễn giải)', 'Loại hồ sơ (diễn giải)'];
/** The labels of the audit codes (common/src/audit/codes.ts), beside the codes themselves (labels take no parameters). */
const labelled = (key: string, code: string) => (isMessageKey(key) ? sayIn('vi', key as never) : code);

export async function privacyRoutes(app: App) {
  const privacy = privacyService(app.db);

  // person.export: a full copy of a person's data leaves the system — the duty of the station that
  // keeps the record (and administrators), not of every role that may read it.
  app.get('/api/residents/:id/personal-data', {
    schema: { tags: ['privacy'], operationId: 'getPersonalData', description: 'Everything held on a person, and who accessed it (Law 91/2025); audited', params: IdParams, response: { 200: PersonalData } },
    config: { permission: 'person.export' },
    handler: (req) => privacy.personalData(contextOf(req), req.params.id, 'json'),
  });

  app.get('/api/residents/:id/personal-data.docx', {
    schema: { tags: ['privacy'], operationId: 'printPersonalData', description: 'The same as a DOCX to hand to the person; audited', params: IdParams, produces: [DOCX] },
    config: { permission: 'person.export' },
    handler: async (req, reply) => {
      const data = await privacy.personalData(contextOf(req), req.params.id, 'docx');
      const buffer = await personalDataDocument(data, `Trạm Y tế ${data.resident.communeName}`);
      return reply.type(DOCX).header('content-disposition', `attachment; filename="du-lieu-ca-nhan-${req.params.id}.docx"`).header('cache-control', 'no-store').send(buffer);
    },
  });

  app.get('/api/audit/access-report', {
    schema: { tags: ['audit'], operationId: 'getAccessReport', description: 'Who accessed which personal records in a period (Vietnam days), for a breach notice; audited', querystring: AccessReportQuery, response: { 200: AccessReport } },
    config: { permission: 'audit.read' },
    handler: async (req) => {
      const q = { from: req.query.from, to: req.query.to, unitId: req.query.unit };
      const report = await privacy.accessReport(contextOf(req), q, 'json');
      return { from: q.from, to: q.to, total: report.total, truncated: report.total > report.first.length, users: report.users, items: report.first };
    },
  });

  app.get('/api/audit/access-report.xlsx', {
    schema: { tags: ['audit'], operationId: 'exportAccessReport', description: 'The access report as XLSX, every row; audited', querystring: AccessReportQuery, produces: [XLSX] },
    config: { permission: 'audit.read' },
    handler: async (req, reply) => {
      const q = { from: req.query.from, to: req.query.to, unitId: req.query.unit };
      const report = await privacy.accessReport(contextOf(req), q, 'xlsx');
      async function* cells() {
        for await (const r of report.rows()) {
          yield [r.at, r.userId === null ? '' : String(r.userId), r.username ?? '', r.fullName ?? '', r.action, r.entityType ?? '', r.entityId ?? '', r.units.join(', '), r.results === null ? '' : String(r.results), r.ip ?? '', String(r.id), labelled(auditActionKey(r.action), r.action), r.entityType ? labelled(auditEntityKey(r.entityType), r.entityType) : ''];
        }
      }
      const stream = xlsxStream('Truy cập', HEADERS, cells(), (err) => req.log.error({ err }, 'access report failed'));
      return reply.type(XLSX).header('content-disposition', `attachment; filename="truy-cap-${q.from}-${q.to}.xlsx"`).header('x-total-count', String(report.total)).send(stream);
    },
  });
}
