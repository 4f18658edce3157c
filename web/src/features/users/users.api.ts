// User accounts and the roles they hold at org units (role × scope).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListOf, NewUser, Role, User, UserChanges } from '@ytcs/common';
import { api } from '../../api/client';

export type UserListParams = { q: string; limit: number; offset: number };

export const userKeys = {
  all: ['users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (params: UserListParams) => [...userKeys.lists(), params] as const,
  roles: () => [...userKeys.all, 'roles'] as const,
};

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: userKeys.list(params),
    queryFn: ({ signal }) => api.get<ListOf<User>>('/api/users', params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRoles() {
  return useQuery({
    queryKey: userKeys.roles(),
    queryFn: ({ signal }) => api.get<ListOf<Role>>('/api/roles', { limit: 500 }, signal),
    staleTime: 10 * 60_000, // roles change with releases, not during a session
  });
}

export function createUser(user: NewUser): Promise<User> {
  return api.post<User>('/api/users', user);
}

export function updateUser(id: number, changes: UserChanges): Promise<User> {
  return api.patch<User>(`/api/users/${id}`, changes);
}
