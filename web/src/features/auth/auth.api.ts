// Session: who is signed in, signing in and out, changing one's own password.
import { useQuery } from '@tanstack/react-query';
import type { Me, Permission } from '@ytcs/common';
import { ApiError, api, request } from '../../api/client';

export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
};

/** null means "not signed in" — a normal state, not an error. */
async function fetchMe(signal: AbortSignal): Promise<Me | null> {
  try {
    return await request<Me>('GET', '/api/auth/me', { signal, ignoreUnauthorized: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 5 * 60_000,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

export function login(username: string, password: string): Promise<{ user: Me }> {
  return api.post<{ user: Me }>('/api/auth/login', { username, password }, { ignoreUnauthorized: true });
}

export function logout(): Promise<void> {
  return api.post<void>('/api/auth/logout', undefined, { ignoreUnauthorized: true });
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return api.post<void>('/api/auth/password', { currentPassword, newPassword });
}

export function hasPermission(me: Me | null | undefined, permission: Permission): boolean {
  return !!me?.permissions.includes(permission);
}
