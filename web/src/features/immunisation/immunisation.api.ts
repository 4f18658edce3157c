// The expanded programme: the schedule (for the series' names) and the due list of a unit.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Antigen, DueList, ListedDoseStatus, ListOf, OrgUnit, ScheduleList } from '@ytcs/common';
import { api } from '../../api/client';

/** `day`: the reader's today (the server's clock is UTC, seven hours behind a Vietnamese morning). */
export type DueListParams = { orgUnit: number; day: string; status?: ListedDoseStatus; antigen?: Antigen; limit: number; offset: number };

export const immunisationKeys = {
  all: ['immunisation'] as const,
  schedule: () => [...immunisationKeys.all, 'schedule'] as const,
  due: (params: DueListParams) => [...immunisationKeys.all, 'due', params] as const,
  villages: (commune: number) => [...immunisationKeys.all, 'villages', commune] as const,
};

export function useSchedule() {
  return useQuery({ queryKey: immunisationKeys.schedule(), queryFn: ({ signal }) => api.get<ScheduleList>('/api/immunisation/schedule', undefined, signal), staleTime: Number.POSITIVE_INFINITY });
}

export function useDueList(params: DueListParams | null) {
  return useQuery({
    queryKey: immunisationKeys.due(params ?? { orgUnit: 0, day: '', limit: 0, offset: 0 }),
    queryFn: ({ signal }) => api.get<DueList>('/api/immunisation/due', params ?? undefined, signal),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });
}

/** The villages of a commune, for the village filter (a commune has a few dozen at most). */
export function useVillages(commune: number | undefined) {
  return useQuery({
    queryKey: immunisationKeys.villages(commune ?? 0),
    queryFn: ({ signal }) => api.get<ListOf<OrgUnit>>('/api/org-units', { parent: commune, level: 'village', limit: 500, offset: 0 }, signal),
    enabled: commune !== undefined,
  });
}
