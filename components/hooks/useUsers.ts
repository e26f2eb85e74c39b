'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { fetchJson, jsonBody } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { listUsers } from '@/lib/auth/users/list-users';
import type { newUserInput, userChangeInput } from '@/lib/auth/users/schemas';
import type { Api } from './types';

export type UserRow = Api<typeof listUsers>[number];
export type NewUser = z.input<typeof newUserInput>;
export type UserChange = z.input<typeof userChangeInput>;

// GET /api/users (admins and supervisors)
export function useUsers() {
  return useQuery({ queryKey: queryKeys.users.all(), queryFn: () => fetchJson<UserRow[]>('/api/users') });
}

// POST /api/users
export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewUser) => fetchJson<UserRow>('/api/users', jsonBody('POST', input)),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.users.all() }),
  });
}

// PATCH /api/users/:id — role and/or a new password
export function useChangeUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...change }: UserChange & { id: string }) => fetchJson<{ updated: true }>(`/api/users/${id}`, jsonBody('PATCH', change)),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.users.all() }),
  });
}

// DELETE /api/users/:id
export function useRemoveUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => fetchJson<{ removed: true }>(`/api/users/${id}`, jsonBody('DELETE')),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.users.all() }),
  });
}
