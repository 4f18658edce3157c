// Indicators and their figures per unit and period, as the dashboard and the plans read them.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ChildValues, Indicator, IndicatorValue } from '@ytcs/common';

export type ValuesParams = { indicators: string[]; orgUnit?: number; periods: string[] };

export const indicatorKeys = {
  all: ['indicators'] as const,
  list: () => [...indicatorKeys.all, 'list'] as const,
  values: (params: ValuesParams) => [...indicatorKeys.all, 'values', params] as const,
  children: (indicator: string, orgUnit: number | undefined, period: string) => [...indicatorKeys.all, 'children', { indicator, orgUnit, period }] as const,
};

export function useIndicators(enabled = true) {
  return useQuery({
    queryKey: indicatorKeys.list(),
    queryFn: ({ signal }) => api.get<{ items: Indicator[] }>('/api/indicators', undefined, signal),
    staleTime: 10 * 60_000, // a national list that changes with releases
    enabled,
  });
}

/** Figures of a unit for several indicators and periods (sums of the units below it). */
export function useIndicatorValues(params: ValuesParams, enabled = true) {
  return useQuery({
    queryKey: indicatorKeys.values(params),
    queryFn: ({ signal }) =>
      api.get<{ items: IndicatorValue[] }>('/api/indicator-values', { indicator: params.indicators.join(','), orgUnit: params.orgUnit, period: params.periods.join(',') }, signal),
    enabled: enabled && params.indicators.length > 0 && params.periods.length > 0,
    placeholderData: keepPreviousData,
  });
}

/** A unit's figure and its child areas', best first. */
export function useChildValues(indicator: string | undefined, orgUnit: number | undefined, period: string) {
  return useQuery({
    queryKey: indicatorKeys.children(indicator ?? '', orgUnit, period),
    queryFn: ({ signal }) => api.get<ChildValues>('/api/indicator-values/children', { indicator, orgUnit, period }, signal),
    enabled: !!indicator,
    placeholderData: keepPreviousData,
  });
}
