// Queries whose answers carry indicator figures (a plan's targets with their live values) say so
// in their meta, so that whoever saves figures refreshes them without knowing which features read
// figures: the indicators feature would otherwise import the plans, which import the indicators.
import type { Query } from '@tanstack/react-query';

export const READS_FIGURES = { readsFigures: true } as const;

export const readsFigures = (query: Query): boolean => query.meta?.readsFigures === true;
