// Choosing a unit by typing part of its name or code: the server searches (diacritics optional)
// within the caller's scope, so a user can only hand out roles where they hold authority.
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnitRef } from '@ytcs/common';
import { todayIso } from '../../lib/dates';
import { useDebounced } from '../../lib/useDebounced';
import { useOrgUnitSearch } from './orgUnits.api';
import { useOrgUnitLabels } from './useOrgUnitLabels';

type Props = {
  value?: number;
  onChange?: (id: number | undefined) => void;
  /** The unit already held, so an existing value shows its name before any search. */
  initialUnit?: OrgUnitRef;
  id?: string;
  'data-testid'?: string;
  /** For a filter: the choice can be taken back. */
  allowClear?: boolean;
  placeholder?: string;
};

export function OrgUnitPicker({ value, onChange, initialUnit, id, 'data-testid': testId, allowClear, placeholder }: Props) {
  const { t } = useTranslation();
  const { describe } = useOrgUnitLabels();
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), 300);
  const [chosen, setChosen] = useState<OrgUnitRef | undefined>(initialUnit);
  const search = useOrgUnitSearch({ q, asOf: todayIso(), limit: 20, offset: 0 });

  const found = q ? (search.data?.items ?? []) : [];
  // Only the unit actually selected is kept beside the search answers. The unit the page names
  // (initialUnit, arriving after the first render) is read on each render, not copied into state:
  // so pages need not remount the picker when it arrives, which threw away what was being typed.
  const current = chosen?.id === value ? chosen : initialUnit?.id === value ? initialUnit : undefined;
  const units = current && !found.some((u) => u.id === current.id) ? [current, ...found] : found;

  return (
    <Select<number>
      id={id}
      data-testid={testId}
      value={value}
      placeholder={placeholder ?? t('users.orgUnitPlaceholder')}
      allowClear={allowClear}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      loading={search.isFetching}
      notFoundContent={q && !search.isFetching ? t('orgUnit.noResults') : null}
      options={units.map((u) => ({ value: u.id, label: describe(u) }))}
      onChange={(next) => {
        setChosen(units.find((u) => u.id === next));
        onChange?.(next);
      }}
    />
  );
}
