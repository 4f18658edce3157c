// Entering the figures of indicators the system does not compute yet. The values share the
// dashboard's query keys (indicatorKeys), so a save refreshes the dashboard and the plans too.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { EnteredCount, EnteredValue, Indicator, IndicatorValues, Permission } from '@ytcs/common';
import { indicatorKeys } from './indicators.api';

/** Typing figures in by hand (the server's `config.permission` of PUT /api/indicator-values). */
export const AGGREGATE_WRITE: Permission = 'aggregate.write';

export const isEntered = (i: Indicator) => i.source === 'entered';

/**
 * The unit's current figures of the entered indicators: its own value, or the sum of the units
 * below it. Not refetched on window focus, so a background refresh never wipes what is being typed.
 */
export function useEnteredValues(codes: string[], orgUnit: number | undefined, period: string) {
  const params = { indicators: codes, orgUnit, periods: [period] };
  return useQuery({
    queryKey: indicatorKeys.values(params),
    queryFn: ({ signal }) => api.get<IndicatorValues>('/api/indicator-values', { indicator: codes.join(','), orgUnit, period }, signal),
    enabled: codes.length > 0 && orgUnit !== undefined,
    refetchOnWindowFocus: false,
  });
}

/** All saved or none; a 400 names the refused fields `items.<n>.<field>` by the index sent. */
export const saveEnteredValues = (items: EnteredValue[]) => api.put<EnteredCount>('/api/indicator-values', { items });
