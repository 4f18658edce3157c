import { useTranslation } from 'react-i18next';
import type { Kind, Level, OrgUnitRef } from '../../api/types';

/** Levels and kinds in words; the codes themselves mean nothing to an official. */
export function useOrgUnitLabels() {
  const { t } = useTranslation();
  const level = (value: Level) => t(`orgUnit.levels.${value}`, { defaultValue: value });
  const kind = (value: Kind) => t(`orgUnit.kinds.${value}`, { defaultValue: value });
  const describe = (unit: OrgUnitRef) => `${unit.name} (${kind(unit.kind)}, ${unit.code})`;
  return { level, kind, describe };
}
