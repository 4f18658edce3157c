/**
 * Bulk import of residents from CSV/XLSX (preview, commit, progress, errors file) and the export
 * of a register as XLSX. Uploads are multipart, read as a stream; files leave as a stream.
 */
import multipart from '@fastify/multipart';
import { CommitResult, ExportQuery, IdParams, ImportJob, ImportQuery, UPLOAD_TOKEN_PATTERN, UploadParams, say } from '@ytcs/common';
import { contextOf } from '../../access/context.ts';
import type { App } from '../../http/app-types.ts';
import { invalid } from '../../errors.ts';
import { MAX_FILE_BYTES } from './imports.limits.ts';
import { importService } from './imports.service.ts';
import { importTemplate, registerExport } from './register-export.ts';

/** A province-sized file of a few hundred thousand rows stays well under this. */

const UPLOAD_TOKEN = new RegExp(UPLOAD_TOKEN_PATTERN);

const attachment = (name: string) => `attachment; filename="${name}"`;

function formField(fields: Record<string, unknown>, name: string): string | undefined {
  const part = fields[name] as { type?: string; value?: unknown } | undefined;
  return part?.type === 'field' && typeof part.value === 'string' ? part.value : undefined;
}

function parseMapping(text: string | undefined): Record<string, string | null> | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => v === null || typeof v === 'string')) return value;
  } catch {
    // reported below
  }
  throw invalid([{ field: 'mapping', ...say('imports.mappingFormat') }]);
}

export async function importRoutes(app: App) {
  await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 10, fieldSize: 64 * 1024 }, throwFileSizeLimit: false });
  const imports = importService(app.db, { commitBatchRows: app.config.importBatchRows || undefined });
  const exporter = registerExport(app.db);
  const tags = ['imports'];

  app.post('/api/imports', {
    schema: {
      tags,
      operationId: 'previewImport',
      description: 'Upload a CSV or XLSX of residents (multipart: optional fields `unitId`, `mapping` and `upload` — a token to follow the preview by — before the part `file`); checks every row and stages it. Nothing is registered until the commit.',
      consumes: ['multipart/form-data'],
      querystring: ImportQuery,
      response: { 201: ImportJob },
    },
    config: { permission: 'person.write' },
    handler: async (req, reply) => {
      const data = await req.file();
      if (!data) throw invalid([{ field: 'file', ...say('imports.noFile') }]);
      try {
        const unitId = req.query.unitId ?? Number(formField(data.fields, 'unitId'));
        if (!Number.isInteger(unitId) || unitId < 1) throw invalid([{ field: 'unitId', ...say('imports.unitRequired') }]);
        const mapping = parseMapping(formField(data.fields, 'mapping'));
        const uploadToken = formField(data.fields, 'upload');
        if (uploadToken !== undefined && !UPLOAD_TOKEN.test(uploadToken)) throw invalid([{ field: 'upload', ...say('imports.uploadToken') }]);
        // A name is shown back and stored: no control characters (PostgreSQL refuses NUL), not endless.
        const fileName = [...data.filename].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== '\u007f').join('').slice(0, 255) || null;
        const job = await imports.preview(contextOf(req), { unitId, fileName, file: data.file, truncated: () => data.file.truncated, mapping, uploadToken });
        return reply.code(201).send(job);
      } finally {
        // Whatever happened, read the rest of the upload so the request completes.
        data.file.resume();
      }
    },
  });

  app.get('/api/imports/template.xlsx', {
    schema: { tags, operationId: 'importTemplate', description: 'An empty register with the headers the importer reads and one example row', produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
    config: { permission: 'person.write' },
    handler: async (req, reply) => {
      const file = importTemplate((err) => req.log.error({ err }, 'template failed'));
      return reply.type(file.type).header('content-disposition', attachment(file.fileName)).send(file.stream);
    },
  });

  app.get('/api/imports/upload/:token', {
    schema: { tags, operationId: 'getImportOfUpload', description: 'The preview of the caller’s upload sent with this token (form field `upload`): rows read and checked so far, then the result', params: UploadParams, response: { 200: ImportJob } },
    config: { permission: 'person.write' },
    handler: (req) => imports.progressOfUpload(contextOf(req), req.params.token),
  });

  app.get('/api/imports/:id', {
    schema: { tags, operationId: 'getImport', description: 'Status and counts; during a commit, rows done so far', params: IdParams, response: { 200: ImportJob } },
    config: { permission: 'person.write' },
    handler: (req) => imports.view(contextOf(req), req.params.id),
  });

  app.post('/api/imports/:id/commit', {
    schema: { tags, operationId: 'commitImport', description: 'Registers the valid rows in short batches (a household whole in one), people registered already skipped; progress is in the job, and a commit that stopped resumes where it was', params: IdParams, response: { 200: CommitResult } },
    config: { permission: 'person.write' },
    handler: (req) => imports.commit(contextOf(req), req.params.id),
  });

  app.get('/api/imports/:id/errors.xlsx', {
    schema: { tags, operationId: 'importErrorsFile', description: 'The rows with errors, their original columns and an "Lỗi / Errors" column', params: IdParams, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
    config: { permission: 'person.write' },
    handler: async (req, reply) => {
      const file = await imports.errorsFile(contextOf(req), req.params.id, (err) => req.log.error({ err }, 'errors file failed'));
      return reply.type(file.type).header('content-disposition', attachment(file.fileName)).send(file.stream);
    },
  });

  app.get('/api/residents/export.xlsx', {
    schema: { tags: ['registry'], operationId: 'exportResidents', description: 'The active residents under a unit as XLSX, with the headers the importer reads', querystring: ExportQuery, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
    config: { permission: 'person.export' },
    handler: async (req, reply) => {
      const file = await exporter.export(contextOf(req), req.query.orgUnit, (err) => req.log.error({ err }, 'export failed'));
      return reply.type(file.type).header('content-disposition', attachment(file.fileName)).header('x-total-count', String(file.count)).send(file.stream);
    },
  });
}
