// Plans (kế hoạch) with their targets and tasks: the list, one plan with live figures, the
// importer (text → draft → plan), task progress with evidence, and the periodic reports.
import { useQueries, useQuery } from '@tanstack/react-query';
import { api, download } from '../../api/client';
import type { DraftResponse, NewPlan, NewTaskUpdate, PlanDetail, PlanFileJob, PlanList, PlanStatus, ReportFormat, TaskHistory, TaskView } from '@ytcs/common';
import { READS_FIGURES } from '../../lib/figures';
import { downloadFile, saveBlob } from '../../lib/files';
import { isReadingOpen } from './planFile';

export const planKeys = {
  all: ['plans'] as const,
  list: (orgUnit: number | undefined) => [...planKeys.all, 'list', orgUnit ?? 'scope'] as const,
  detail: (id: number) => [...planKeys.all, 'detail', id] as const,
  taskHistory: (taskId: number) => [...planKeys.all, 'task-history', taskId] as const,
  fileReading: (id: string) => [...planKeys.all, 'file-reading', id] as const,
};

export function usePlans(orgUnit?: number, enabled = true) {
  return useQuery({
    queryKey: planKeys.list(orgUnit),
    meta: READS_FIGURES,
    queryFn: ({ signal }) => api.get<PlanList>('/api/plans', { orgUnit }, signal),
    enabled,
  });
}

export function usePlan(id: number) {
  return useQuery({
    queryKey: planKeys.detail(id),
    queryFn: ({ signal }) => api.get<PlanDetail>(`/api/plans/${id}`, undefined, signal),
    meta: READS_FIGURES,
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** Several plans at once (the dashboard shows the targets of every plan that applies to a unit). */
export function usePlanDetails(ids: number[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: planKeys.detail(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<PlanDetail>(`/api/plans/${id}`, undefined, signal),
      meta: READS_FIGURES,
    })),
  });
}

export const readPlanDraft = (text: string) => api.post<DraftResponse>('/api/plans/draft', { text });

/** Sends a plan file to be read: done at once (Word, text, a PDF with text), or a reading to follow (a scan). */
export function readPlanFile(file: File): Promise<PlanFileJob> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<PlanFileJob>('/api/plans/draft/file', form);
}

/** A file reading, asked for again every second while it is queued or being read. */
export function usePlanFileReading(id: string | null) {
  return useQuery({
    queryKey: planKeys.fileReading(id ?? ''),
    queryFn: ({ signal }) => api.get<PlanFileJob>(`/api/plans/draft/file/${id}`, undefined, signal),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && !isReadingOpen(query.state.data) ? false : 1000),
    retry: false,
    gcTime: 0,
  });
}

export const createPlan = (plan: NewPlan) => api.post<PlanDetail>('/api/plans', plan);

export const setPlanStatus = (planId: number, status: PlanStatus) => api.patch<PlanDetail>(`/api/plans/${planId}`, { status });

export const updateTask = (taskId: number, update: NewTaskUpdate) => api.post<TaskView>(`/api/tasks/${taskId}/updates`, update);

export function useTaskHistory(taskId: number | undefined) {
  return useQuery({
    queryKey: planKeys.taskHistory(taskId ?? 0),
    queryFn: ({ signal }) => api.get<TaskHistory>(`/api/tasks/${taskId}/updates`, undefined, signal),
    enabled: taskId !== undefined,
  });
}

/** The server names evidence with RFC 5987 (filename*=), which the shared helper does not read. */
export async function downloadEvidence(id: number, fileName: string): Promise<void> {
  const { blob } = await download(`/api/task-evidence/${id}`);
  saveBlob(blob, fileName);
}

export const downloadPlanReport = (planId: number, period: string, format: ReportFormat) =>
  downloadFile(`/api/plans/${planId}/report.${format}?period=${encodeURIComponent(period)}`, `bao-cao-ke-hoach-${planId}-${period}.${format}`);
