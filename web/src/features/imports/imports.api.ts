// Bulk import of residents from a station's spreadsheet: upload → preview (nothing registered
// yet) → commit, with the rows in error given back as a spreadsheet to fix and import again.
import { useQuery } from '@tanstack/react-query';
import type { CommitResult, ImportField, ImportJob } from '@ytcs/common';
import { api } from '../../api/client';
import { downloadFile } from '../../lib/files';

export const importKeys = {
  all: ['imports'] as const,
  job: (id: number) => [...importKeys.all, 'job', id] as const,
};

/** The columns a file must have (a date of birth or, failing that, a year). */
export const REQUIRED_FIELDS: ImportField[] = ['fullName', 'sex', 'birthDate'];

/** Header text → field, or null to ignore the column; sent with the file to re-read it. */
export type ColumnMapping = Record<string, ImportField | null>;

export const ACCEPTED_FILES = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A token to follow an upload's preview by (crypto.randomUUID needs HTTPS; a station's server may be plain HTTP). */
export function uploadToken(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function previewImport(input: { unitId: number; file: File; mapping?: ColumnMapping; token: string }): Promise<ImportJob> {
  const form = new FormData();
  // The server reads the fields before the file part.
  form.append('unitId', String(input.unitId));
  if (input.mapping) form.append('mapping', JSON.stringify(input.mapping));
  form.append('upload', input.token);
  form.append('file', input.file, input.file.name);
  return api.upload<ImportJob>('/api/imports', form);
}

export const getImport = (id: number) => api.get<ImportJob>(`/api/imports/${id}`);

export const commitImport = (id: number) => api.post<CommitResult>(`/api/imports/${id}/commit`);

/** Rows read and checked so far of the upload sent with `token`, asked for every second while it is read. */
export function useUploadProgress(token: string | null) {
  return useQuery({
    queryKey: [...importKeys.all, 'upload', token],
    queryFn: ({ signal }) => api.get<ImportJob>(`/api/imports/upload/${token}`, undefined, signal),
    enabled: token !== null,
    refetchInterval: token !== null ? 1000 : false,
    // The job appears once the file's header is found: until then the page says it is reading.
    retry: false,
  });
}

/** Status and rows done so far, asked for again every second while `polling`. */
export function useImportProgress(id: number | undefined, polling: boolean) {
  return useQuery({
    queryKey: importKeys.job(id ?? 0),
    queryFn: ({ signal }) => api.get<ImportJob>(`/api/imports/${id}`, undefined, signal),
    enabled: polling && id !== undefined,
    refetchInterval: polling ? 1000 : false,
    retry: false,
  });
}

export const downloadImportTemplate = () => downloadFile('/api/imports/template.xlsx', 'mau-nhap-dan-cu.xlsx');
export const downloadImportErrors = (id: number) => downloadFile(`/api/imports/${id}/errors.xlsx`, `loi-nhap-${id}.xlsx`);
