import type { KeyboardEvent } from 'react';

/**
 * Long forms (a household with its members, an examination) are sent with their button only:
 * Enter in a field, which people press to commit a typed date, must not send half a form.
 */
export function preventEnterSubmit(event: KeyboardEvent<HTMLFormElement>): void {
  const target = event.target as HTMLElement;
  if (event.key === 'Enter' && target.tagName === 'INPUT') event.preventDefault();
}
