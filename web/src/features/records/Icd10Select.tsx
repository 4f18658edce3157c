// Choosing ICD-10 codes by typing a code or a Vietnamese name (diacritics optional), shown as
// "I10 – Bệnh tăng huyết áp vô căn (nguyên phát)". The order chosen is kept: the first is the main one.
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Icd10 } from '@ytcs/common';
import { useDebounced } from '../../lib/useDebounced';
import { useIcd10Names, useIcd10Search } from './records.api';

type Props = {
  value?: string[];
  onChange?: (codes: string[]) => void;
  id?: string;
  placeholder?: string;
  'data-testid'?: string;
};

export function Icd10Select({ value, onChange, id, placeholder, 'data-testid': testId }: Props) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  // The list closes after each choice: left open, Tab would toggle the highlighted code off again.
  const [open, setOpen] = useState(false);
  const q = useDebounced(query.trim(), 250);
  const search = useIcd10Search(q);
  const chosen = value ?? [];
  const names = useIcd10Names(chosen);
  const label = (d: Icd10) => `${d.code} – ${i18n.language === 'en' && d.nameEn ? d.nameEn : d.nameVi}`;

  const found = q ? (search.data?.items ?? []) : [];
  const options = [
    ...chosen.map((code) => {
      const known = names.get(code) ?? found.find((d) => d.code === code);
      return { value: code, label: known ? label(known) : code };
    }),
    ...found.filter((d) => !chosen.includes(d.code)).map((d) => ({ value: d.code, label: label(d) })),
  ];

  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      data-testid={testId}
      value={chosen}
      placeholder={placeholder ?? t('record.icd10Placeholder')}
      showSearch={{
        filterOption: false,
        searchValue: query,
        onSearch: (text) => {
          setQuery(text);
          if (text) setOpen(true);
        },
      }}
      open={open}
      onOpenChange={setOpen}
      onChange={(codes) => {
        setQuery('');
        setOpen(false);
        onChange?.(codes);
      }}
      loading={search.isFetching}
      notFoundContent={q && !search.isFetching ? t('record.icd10NotFound') : null}
      options={options}
      virtual={false}
      className="full-width icd10-select"
      classNames={{ popup: { root: 'icd10-popup' } }}
    />
  );
}
