// The population registry: households and the residents in them, within the caller's scope.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type Coverage, type EthnicGroup, foldVietnamese, type Household, type HouseholdDetail, type LifeEvent, type ListOf, type NewHousehold, type NewResident, type OrgUnit, type Resident, type ResidentPage, type ResidentPatch, type ResidentQuery } from '@ytcs/common';
import { api } from '../../api/client';
import { downloadFile } from '../../lib/files';

export type HouseholdListParams = { q: string; orgUnit?: number; limit: number; offset: number };
/** The contract's query (`missing`: the people behind a coverage gap; `order`: by given name), the box's text and a page always given. */
export type ResidentListParams = ResidentQuery & { q: string; limit: number; offset: number };

export const registryKeys = {
  all: ['registry'] as const,
  households: () => [...registryKeys.all, 'households'] as const,
  householdList: (params: HouseholdListParams) => [...registryKeys.households(), 'list', params] as const,
  household: (id: number) => [...registryKeys.households(), 'detail', id] as const,
  residents: () => [...registryKeys.all, 'residents'] as const,
  residentList: (params: ResidentListParams) => [...registryKeys.residents(), 'list', params] as const,
  resident: (id: number) => [...registryKeys.residents(), 'detail', id] as const,
  ethnicGroups: () => [...registryKeys.all, 'ethnic-groups'] as const,
  places: (q: string) => [...registryKeys.all, 'places', q] as const,
  coverage: (orgUnit: number | undefined) => [...registryKeys.all, 'coverage', orgUnit ?? 'scope'] as const,
};

export function useHouseholds(params: HouseholdListParams) {
  return useQuery({
    queryKey: registryKeys.householdList(params),
    queryFn: ({ signal }) => api.get<ListOf<Household>>('/api/households', params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useHousehold(id: number) {
  return useQuery({
    queryKey: registryKeys.household(id),
    queryFn: ({ signal }) => api.get<HouseholdDetail>(`/api/households/${id}`, undefined, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useResidents(params: ResidentListParams, enabled = true) {
  return useQuery({
    queryKey: registryKeys.residentList(params),
    queryFn: ({ signal }) => api.get<ResidentPage>('/api/residents', params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Residents with a health record and insured, for a unit (default: the top of the scope) and each unit below. */
export function useCoverage(orgUnit: number | undefined, enabled = true) {
  return useQuery({
    queryKey: registryKeys.coverage(orgUnit),
    queryFn: ({ signal }) => api.get<Coverage>('/api/registry/coverage', { orgUnit }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useEthnicGroups() {
  return useQuery({
    queryKey: registryKeys.ethnicGroups(),
    queryFn: ({ signal }) => api.get<ListOf<EthnicGroup>>('/api/ethnic-groups', undefined, signal),
    staleTime: Number.POSITIVE_INFINITY, // a national list
  });
}

/**
 * Villages in scope matching `q`, and the communes in scope (to name each village's commune, and
 * for people whose village is not known) matching it too.
 */
export function usePlaces(q: string) {
  const communes = useQuery({
    queryKey: registryKeys.places('communes'),
    queryFn: ({ signal }) => api.get<ListOf<OrgUnit>>('/api/org-units', { level: 'commune', limit: 500 }, signal),
    staleTime: 5 * 60_000,
  });
  const villages = useQuery({
    queryKey: registryKeys.places(`villages:${q}`),
    queryFn: ({ signal }) => api.get<ListOf<OrgUnit>>('/api/org-units', { level: 'village', q, limit: 100 }, signal),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
  const folded = foldVietnamese(q);
  const allCommunes = communes.data?.items ?? [];
  return {
    villages: villages.data?.items ?? [],
    communes: allCommunes.filter((c) => !folded || foldVietnamese(c.name).includes(folded) || c.code === q),
    communeName: new Map(allCommunes.map((c) => [c.id, c.name])),
    isFetching: communes.isFetching || villages.isFetching,
  };
}

export const createHousehold = (body: NewHousehold) => api.post<HouseholdDetail>('/api/households', body);
export const createResident = (body: NewResident) => api.post<Resident>('/api/residents', body);
export const updateResident = (id: number, body: ResidentPatch) => api.patch<Resident>(`/api/residents/${id}`, body);
export const recordLifeEvent = (id: number, body: LifeEvent) => api.post<Resident>(`/api/residents/${id}/events`, body);
export const mergeResident = (id: number, intoId: number) => api.post<Resident>(`/api/residents/${id}/merge`, { intoId });

/** The register of a unit as a spreadsheet. */
export const downloadResidents = (orgUnit: number) => downloadFile(`/api/residents/export.xlsx?orgUnit=${orgUnit}`, `dan-cu-${orgUnit}.xlsx`);
