// The audit log: who did or read what, when, from where. Read-only, newest first.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEvent, ListOf } from '@ytcs/common';
import { api } from '../../api/client';
import { downloadFile } from '../../lib/files';

export type AuditFilter = {
  userId?: number;
  action?: string;
  entityType?: string;
  /** YYYY-MM-DD, both days included. */
  from?: string;
  to?: string;
};

export type AuditListParams = AuditFilter & { limit: number; offset: number };

export const auditKeys = {
  all: ['audit'] as const,
  list: (params: AuditListParams) => [...auditKeys.all, 'list', params] as const,
};

export function useAuditEvents(params: AuditListParams) {
  return useQuery({
    queryKey: auditKeys.list(params),
    queryFn: ({ signal }) => api.get<ListOf<AuditEvent>>('/api/audit', params, signal),
    placeholderData: keepPreviousData,
  });
}

/** Who accessed which personal records in a period (for a breach notice within 72 hours), as XLSX. */
export const downloadAccessReport = (from: string, to: string) =>
  downloadFile(`/api/audit/access-report.xlsx?${new URLSearchParams({ from, to })}`, `truy-cap-${from}-${to}.xlsx`);
