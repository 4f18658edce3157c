// Turning ApiError into what people read: the server's sentence in the UI language, and
// field errors placed on the form fields they belong to.
import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        // The server's sentence already says how long a lockout (429) lasts.
        return i18n.language === 'en' ? error.messageEn : error.message;
      }
      return error instanceof Error ? error.message : t('errors.title');
    },
    [t, i18n.language],
  );
}

// "roles[0].orgUnitId", "roles.0.orgUnitId" and "/roles/0/orgUnitId" all mean ['roles', 0, 'orgUnitId'].
export function toNamePath(field: string): (string | number)[] {
  return field
    .split(/[.[\]/]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts the server's field errors on the matching form fields.
 * Returns true when every error found a field, so the caller can skip the general alert.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, language: string): boolean {
  if (!(error instanceof ApiError) || error.errors.length === 0) return false;
  const known = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
  let placedAll = true;
  const fields = [];
  for (const fieldError of error.errors) {
    const name = toNamePath(fieldError.field);
    if (!known.has(JSON.stringify(name))) {
      placedAll = false;
      continue;
    }
    const text = language === 'en' ? (fieldError.messageEn ?? fieldError.message) : fieldError.message;
    fields.push({ name, errors: [text] });
  }
  form.setFields(fields);
  return placedAll;
}
