// The layout's breakpoints, read synchronously (antd's Grid.useBreakpoint answers {} on the first
// render, which would draw the phone layout for a moment on a desktop).
import { useSyncExternalStore } from 'react';

/** Below this the side menu becomes a drawer and the header compact (antd's lg). */
export const SHELL_NARROW = '(max-width: 991.98px)';
/** Below this lists are drawn as cards and forms take one column (antd's md). */
export const PHONE = '(max-width: 767.98px)';

export function useMedia(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** A phone-sized screen: lists as cards, one column. */
export const usePhone = () => useMedia(PHONE);
