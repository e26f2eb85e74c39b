'use client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { jsonBody } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { SessionUser } from '@/lib/auth/session';
import { canSupervise } from '@/lib/auth/roles';

export type { SessionUser };

/** better-auth's own endpoints answer `{ message }` on errors, not our `{ error }` shape. */
async function authFetch<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`/api/auth/${path}`, init);
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const message = (body as { message?: string; error?: { message?: string } } | null)?.message ?? (body as { error?: { message?: string } } | null)?.error?.message;
    throw new Error(message ?? `${res.status} ${res.statusText}`);
  }
  return body as T;
}

// GET /api/auth/get-session — who is signed in (null when nobody)
export function useSession() {
  return useQuery({
    queryKey: queryKeys.session(),
    queryFn: async () => (await authFetch<{ user: SessionUser } | null>('get-session'))?.user ?? null,
    staleTime: 60_000,
  });
}

/** Whether the signed-in user may import, collect, reproduce and change settings (false while loading, so coders never see those actions flash). */
export function useCanSupervise(): boolean {
  return canSupervise(useSession().data?.role);
}

// GET /api/auth/first-account — whether the sign-in page should offer to create the first (admin) account
export function useFirstAccountNeeded() {
  return useQuery({
    queryKey: [...queryKeys.session(), 'first-account'],
    queryFn: async () => (await authFetch<{ needed: boolean }>('first-account')).needed,
  });
}

// POST /api/auth/sign-in/email
export function useSignIn() {
  return useMutation({ mutationFn: (input: { email: string; password: string }) => authFetch('sign-in/email', jsonBody('POST', input)) });
}

// POST /api/auth/sign-up/email — only while no account exists: it becomes the admin
export function useCreateFirstAccount() {
  return useMutation({ mutationFn: (input: { name: string; email: string; password: string }) => authFetch('sign-up/email', jsonBody('POST', input)) });
}

// POST /api/auth/sign-out
export function useSignOut() {
  return useMutation({ mutationFn: () => authFetch('sign-out', jsonBody('POST', {})) });
}
