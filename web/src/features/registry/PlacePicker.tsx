// Where a household or a person lives: a village (thôn, tổ dân phố) in the caller's scope, or the
// commune itself when the village is not known. Villages are named with their commune, since
// every ward has its own "Tổ dân phố 1".
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '@ytcs/common';
import { useDebounced } from '../../lib/useDebounced';
import { usePlaces } from './registry.api';

type Props = {
  value?: number;
  onChange?: (id: number | undefined) => void;
  /** The place already held, so an existing value shows its name before any search. */
  initial?: { id: number; label: string };
  id?: string;
  'data-testid'?: string;
  /** What choosing a commune means here (default: the person's village is not known). */
  communeSuffix?: string;
};

export function PlacePicker({ value, onChange, initial, id, 'data-testid': testId, communeSuffix }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), 300);
  const places = usePlaces(q);
  const villageLabel = (v: OrgUnit) => {
    const parent = v.parentId ? places.communeName.get(v.parentId) : undefined;
    return parent ? `${v.name} – ${parent}` : v.name;
  };
  const options = [
    ...places.villages.map((v) => ({ value: v.id, label: villageLabel(v) })),
    ...places.communes.map((c) => ({ value: c.id, label: `${c.name} (${communeSuffix ?? t('registry.wholeCommune')})` })),
  ];
  if (initial && initial.id === value && !options.some((o) => o.value === value)) {
    options.unshift({ value: initial.id, label: initial.label });
  }

  return (
    <Select<number>
      id={id}
      data-testid={testId}
      value={value}
      placeholder={t('registry.placePlaceholder')}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      loading={places.isFetching}
      notFoundContent={places.isFetching ? null : t('orgUnit.noResults')}
      options={options}
      onChange={(next) => onChange?.(next)}
      popupMatchSelectWidth={false}
    />
  );
}
