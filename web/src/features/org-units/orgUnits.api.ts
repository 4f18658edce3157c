// Org units: the administrative tree (country → province → commune → village) and the health
// facilities attached to it, each valid over a period because units are merged and split.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListOf, OrgUnit, OrgUnitDetail } from '@ytcs/common';
import { api } from '../../api/client';

export type OrgUnitSearch = { q: string; asOf: string; limit: number; offset: number };

export const orgUnitKeys = {
  all: ['org-units'] as const,
  roots: (asOf: string) => [...orgUnitKeys.all, 'roots', asOf] as const,
  children: (parentId: number, asOf: string, offset: number) =>
    [...orgUnitKeys.all, 'children', { parentId, asOf, offset }] as const,
  search: (params: OrgUnitSearch) => [...orgUnitKeys.all, 'search', params] as const,
  detail: (id: number, asOf?: string) => [...orgUnitKeys.all, 'detail', { id, asOf: asOf ?? 'today' }] as const,
};

/** Children come in pages: a province can hold well over a hundred communes. */
export const CHILDREN_PAGE = 200;

export function fetchChildren(parentId: number, asOf: string, offset: number, signal?: AbortSignal) {
  return api.get<ListOf<OrgUnit>>('/api/org-units', { parent: parentId, asOf, limit: CHILDREN_PAGE, offset }, signal);
}

/** The tops of the tree this user may see on that date (after a merge: the old units too). */
export function useScopeRoots(asOf: string) {
  return useQuery({
    queryKey: orgUnitKeys.roots(asOf),
    queryFn: ({ signal }) => api.get<ListOf<OrgUnit>>('/api/org-units', { roots: true, asOf, limit: CHILDREN_PAGE }, signal),
  });
}

export function useOrgUnitSearch(params: OrgUnitSearch, enabled = true) {
  return useQuery({
    queryKey: orgUnitKeys.search(params),
    queryFn: ({ signal }) => api.get<ListOf<OrgUnit>>('/api/org-units', params, signal),
    enabled: enabled && params.q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

/** The unit as of a date (the server's today without one): its children then, and whether it existed. */
export function useOrgUnitDetail(id: number | null, asOf?: string) {
  return useQuery({
    queryKey: orgUnitKeys.detail(id ?? 0, asOf),
    queryFn: ({ signal }) => api.get<OrgUnitDetail>(`/api/org-units/${id}`, asOf ? { asOf } : undefined, signal),
    enabled: id !== null,
  });
}
