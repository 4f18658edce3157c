// Turning ApiError into what people read: the server's sentence in the UI language, and
// field errors placed on the form fields they belong to.
import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { type ServerText, serverText } from '../i18n/languages';

export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        // The server's sentence already says how long a lockout (429) lasts.
        return serverText(error, i18n.language);
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

export type Finding = ServerText & { field: string };

type PlaceOptions = {
  /** 'warnings' shows the text in amber under the field without blocking the form. */
  kind?: 'errors' | 'warnings';
  /** Another field to use when the named one is not on the form (birthYear ↔ birthDate). */
  alias?: (name: (string | number)[]) => (string | number)[] | null;
  /** Replaces the finding's own sentence (a 409 says more at the top than on its field). */
  text?: string;
};

/**
 * Puts findings (the server's field errors, or the shared validators' findings) on the matching
 * form fields. Returns true when every finding found a field, so the caller can skip the alert.
 */
export function placeFindings(form: FormInstance, findings: Finding[], language: string, options: PlaceOptions = {}): boolean {
  const known = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
  const byField = new Map<string, { name: (string | number)[]; texts: string[] }>();
  let placedAll = true;
  for (const finding of findings) {
    let name: (string | number)[] | null = toNamePath(finding.field);
    if (!known.has(JSON.stringify(name))) name = options.alias?.(name) ?? null;
    if (!name || !known.has(JSON.stringify(name))) {
      placedAll = false;
      continue;
    }
    const text = options.text ?? serverText(finding, language);
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, texts: [] };
    entry.texts.push(text);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()].map(({ name, texts }) => ({ name, [options.kind ?? 'errors']: texts })));
  return placedAll;
}

/**
 * Puts the server's field errors on the matching form fields.
 * Returns true when every error found a field, so the caller can skip the general alert.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, language: string, options: PlaceOptions = {}): boolean {
  if (!(error instanceof ApiError) || error.errors.length === 0) return false;
  return placeFindings(form, error.errors, language, options);
}
