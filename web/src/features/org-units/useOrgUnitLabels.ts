import { useTranslation } from 'react-i18next';
import type { OrgUnitKind, OrgUnitLevel, OrgUnitRef } from '@ytcs/common';

/** Levels and kinds in words; the codes themselves mean nothing to an official. */
export function useOrgUnitLabels() {
  const { t } = useTranslation();
  const level = (value: OrgUnitLevel) => t(`orgUnit.levels.${value}`, { defaultValue: value });
  // The web catalogue first, then the server's (kinds added since, e.g. township), then the code.
  const kind = (value: OrgUnitKind) => t(`orgUnit.kinds.${value}`, { defaultValue: t(`server:orgUnitKinds.${value}`, { defaultValue: value }) });
  const describe = (unit: OrgUnitRef) => `${unit.name} (${kind(unit.kind)}, ${unit.code})`;
  return { level, kind, describe };
}
