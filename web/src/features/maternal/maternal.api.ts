// Pregnancies: the station's antenatal list, a woman's pregnancies, registering one, its outcome.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AntenatalPage, ListOf, NewPregnancy, Pregnancy, PregnancyListQuery, PregnancyOutcomeBody } from '@ytcs/common';
import { api } from '../../api/client';

export const maternalKeys = {
  all: ['maternal'] as const,
  list: (params: PregnancyListQuery) => [...maternalKeys.all, 'list', params] as const,
  ofResident: (residentId: number) => [...maternalKeys.all, 'resident', residentId] as const,
};

export function useAntenatalList(params: PregnancyListQuery) {
  return useQuery({
    queryKey: maternalKeys.list(params),
    queryFn: ({ signal }) => api.get<AntenatalPage>('/api/pregnancies', params, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePregnancies(residentId: number) {
  return useQuery({
    queryKey: maternalKeys.ofResident(residentId),
    queryFn: ({ signal }) => api.get<ListOf<Pregnancy>>(`/api/residents/${residentId}/pregnancies`, undefined, signal),
  });
}

export const registerPregnancy = (residentId: number, body: NewPregnancy) => api.post<Pregnancy>(`/api/residents/${residentId}/pregnancies`, body);
export const recordOutcome = (pregnancyId: number, body: PregnancyOutcomeBody) => api.post<Pregnancy>(`/api/pregnancies/${pregnancyId}/outcome`, body);
