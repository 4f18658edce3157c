// Saving a person: errors land on their fields; warnings (422 needs_confirmation: an ID that
// disagrees with sex or birth year, a possible duplicate) wait for a person to confirm, and the
// same request is then sent again with confirmWarnings; a 409 duplicate ID or insurance number,
// or "registered elsewhere" (the person is on another unit's register: ask for a transfer), lands
// on that field.
import { useMutation } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { Warning } from '../../api/types';
import { applyFieldErrors, placeFindings } from '../../lib/errors';
import { birthAlias } from './residentForm';
import { serverText } from '../../i18n/languages';

type Options<V, R> = {
  form: FormInstance;
  save: (values: V, confirmWarnings: boolean) => Promise<R>;
  onSuccess: (result: R) => void | Promise<void>;
  /** Where a 409 `conflict` (not a duplicate ID) belongs, e.g. the household number. */
  conflictField?: (string | number)[];
};

export type GuardedSave<V> = {
  submit: (values: V) => void;
  warnings: Warning[] | null;
  confirm: () => void;
  dismiss: () => void;
  isPending: boolean;
  generalError: unknown;
};

const IDENTIFIER_CONFLICTS = new Set(['duplicate_citizen_id', 'duplicate_insurance_no', 'registered_elsewhere']);

export function useGuardedSave<V, R>({ form, save, onSuccess, conflictField }: Options<V, R>): GuardedSave<V> {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const [pending, setPending] = useState<{ values: V; warnings: Warning[] } | null>(null);
  const [generalError, setGeneralError] = useState<unknown>(null);

  const mutation = useMutation({
    mutationFn: ({ values, confirm }: { values: V; confirm: boolean }) => save(values, confirm),
    onMutate: () => setGeneralError(null),
    onSuccess: async (result) => {
      setPending(null);
      await onSuccess(result);
    },
    onError: (error, { values }) => {
      setPending(null);
      if (!(error instanceof ApiError)) return setGeneralError(error);
      const text = serverText(error, language);
      if (error.status === 422 && error.code === 'needs_confirmation') {
        placeFindings(form, error.warnings, language, { kind: 'warnings', alias: birthAlias });
        setPending({ values, warnings: error.warnings });
        return;
      }
      if (error.status === 409 && IDENTIFIER_CONFLICTS.has(error.code)) {
        if (!applyFieldErrors(form, error, language, { text, alias: birthAlias })) setGeneralError(error);
        return;
      }
      if (error.status === 409 && conflictField) {
        form.setFields([{ name: conflictField, errors: [text] }]);
        return;
      }
      if (!applyFieldErrors(form, error, language, { alias: birthAlias })) setGeneralError(error);
    },
  });

  return {
    submit: (values) => mutation.mutate({ values, confirm: false }),
    warnings: pending?.warnings ?? null,
    confirm: () => pending && mutation.mutate({ values: pending.values, confirm: true }),
    dismiss: () => setPending(null),
    isPending: mutation.isPending,
    generalError,
  };
}
