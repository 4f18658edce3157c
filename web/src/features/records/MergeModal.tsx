// Merging a duplicate: this record goes into the one chosen (found by name, ID or phone); its
// examinations and vaccinations move there and this one stays, marked "merged".
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Resident } from '@ytcs/common';
import { formatBirth } from '../../lib/dates';
import { useErrorText } from '../../lib/errors';
import { useDebounced } from '../../lib/useDebounced';
import { mergeResident, registryKeys, useResidents } from '../registry/registry.api';
import { recordKeys } from './records.api';

export function MergeModal({ resident, onClose }: { resident: Resident; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState('');
  // Before anything is typed, people with the same name are offered: the usual duplicates.
  const q = useDebounced(query.trim(), 300) || resident.fullName;
  const found = useResidents({ q, limit: 20, offset: 0 });
  const [intoId, setIntoId] = useState<number | undefined>();
  const candidates = (found.data?.items ?? []).filter((r) => r.id !== resident.id && r.status !== 'merged');
  const describe = (r: Resident) =>
    [r.fullName, formatBirth(r.birthDate, r.birthYear), r.citizenId, r.villageName ?? r.communeName, `#${r.id}`].filter(Boolean).join(' · ');

  const merge = useMutation({
    mutationFn: () => mergeResident(resident.id, intoId as number),
    onSuccess: async (survivor) => {
      message.success(t('record.merge.done'));
      await Promise.all([queryClient.invalidateQueries({ queryKey: registryKeys.all }), queryClient.invalidateQueries({ queryKey: recordKeys.all })]);
      onClose();
      navigate(`/residents/${survivor.id}`);
    },
  });

  return (
    <Modal
      open
      width={680}
      title={t('record.merge.title')}
      okText={t('record.merge.ok')}
      okButtonProps={{ danger: true, disabled: !intoId, 'data-testid': 'merge-submit' }}
      cancelText={t('common.cancel')}
      onOk={() => merge.mutate()}
      onCancel={onClose}
      confirmLoading={merge.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('record.merge.help', { name: resident.fullName, id: resident.id })}</Typography.Paragraph>
      <Select<number>
        className="full-width"
        value={intoId}
        placeholder={t('record.merge.search')}
        showSearch={{ filterOption: false, onSearch: setQuery, searchValue: query }}
        loading={found.isFetching}
        notFoundContent={found.isFetching ? null : t('registry.noResidentsFound')}
        options={candidates.map((r) => ({ value: r.id, label: describe(r) }))}
        onChange={setIntoId}
        data-testid="merge-target"
      />
      {merge.isError && <Alert type="error" showIcon title={errorText(merge.error)} className="form-alert-top" />}
    </Modal>
  );
}
