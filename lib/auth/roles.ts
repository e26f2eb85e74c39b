// The global roles, in a file of their own so client components can ask what a role may do
// without importing the server's session code.
export const userRoles = ['admin', 'supervisor', 'coder'] as const;
export type UserRole = (typeof userRoles)[number];

/** Who runs the corpus: import, collect, reproduce, settings. Coders only code. */
export const supervisorRoles: readonly UserRole[] = ['admin', 'supervisor'];
export const adminRoles: readonly UserRole[] = ['admin'];

export const canSupervise = (role: UserRole | null | undefined): boolean => !!role && supervisorRoles.includes(role);

/** Where a user goes after signing in when no page asked for them: a coder's work is the coding queue. */
export const homePath = (role: UserRole | null | undefined): string => (role === 'coder' ? '/coding' : '/');
