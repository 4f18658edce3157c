// The personal health record (831/QĐ-BYT) of one resident, and the reference lists it uses.
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { HealthRecord, History, Icd10, ListOf, NewEncounter, NewImmunization, Vaccine } from '@ytcs/common';
import { api } from '../../api/client';
import { downloadFile } from '../../lib/files';

export const recordKeys = {
  all: ['records'] as const,
  detail: (residentId: number) => [...recordKeys.all, 'detail', residentId] as const,
  icd10: (q: string) => [...recordKeys.all, 'icd10', q] as const,
  vaccines: () => [...recordKeys.all, 'vaccines'] as const,
};

export function useRecord(residentId: number) {
  return useQuery({
    queryKey: recordKeys.detail(residentId),
    queryFn: ({ signal }) => api.get<HealthRecord>(`/api/residents/${residentId}/record`, undefined, signal),
    enabled: Number.isInteger(residentId) && residentId > 0,
  });
}

const fetchIcd10 = (q: string, signal: AbortSignal) => api.get<ListOf<Icd10>>('/api/icd10', { q, limit: 20 }, signal);

export function useIcd10Search(q: string) {
  return useQuery({
    queryKey: recordKeys.icd10(q),
    queryFn: ({ signal }) => fetchIcd10(q, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Names of codes already chosen (a saved history holds codes only). */
export function useIcd10Names(codes: string[]): Map<string, Icd10> {
  const results = useQueries({
    queries: codes.map((code) => ({
      queryKey: recordKeys.icd10(code),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchIcd10(code, signal),
      staleTime: Number.POSITIVE_INFINITY,
    })),
  });
  const names = new Map<string, Icd10>();
  results.forEach((r, i) => {
    const found = r.data?.items.find((item) => item.code === codes[i]);
    if (found) names.set(found.code, found);
  });
  return names;
}

export function useVaccines() {
  return useQuery({
    queryKey: recordKeys.vaccines(),
    queryFn: ({ signal }) => api.get<ListOf<Vaccine>>('/api/vaccines', undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export const saveHistory = (id: number, history: History) => api.put<void>(`/api/residents/${id}/record/history`, history);
export const addEncounter = (id: number, encounter: NewEncounter) => api.post<{ id: number }>(`/api/residents/${id}/encounters`, encounter);
export const addImmunization = (id: number, body: NewImmunization) => api.post<{ id: number }>(`/api/residents/${id}/immunizations`, body);

/** Saves the printable record (DOCX) through the browser, under the server's file name. */
export const downloadRecord = (id: number): Promise<void> => downloadFile(`/api/residents/${id}/record.docx`, `ho-so-suc-khoe-${id}.docx`);

/** The person's own copy of everything held on them (Law 91/2025), to hand to them; audited. */
export const downloadPersonalData = (id: number): Promise<void> => downloadFile(`/api/residents/${id}/personal-data.docx`, `du-lieu-ca-nhan-${id}.docx`);
