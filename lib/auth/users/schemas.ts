import { z } from 'zod';
import { userRoles } from '../session';

// Inputs of the user administration API and forms. Passwords: better-auth's own bounds (8–128).
export const passwordInput = z.string().min(8, 'at least 8 characters').max(128, 'at most 128 characters');
export const roleInput = z.enum(userRoles);

export const newUserInput = z.object({
  name: z.string().trim().min(1, 'a name is needed').max(200),
  email: z.email().transform((e) => e.toLowerCase()),
  password: passwordInput,
  role: roleInput.default('coder'),
});
export type NewUserInput = z.infer<typeof newUserInput>;

export const userChangeInput = z
  .object({ role: roleInput.optional(), password: passwordInput.optional() })
  .refine((v) => v.role !== undefined || v.password !== undefined, 'give a role or a password');

export type UserSummary = { id: string; name: string; email: string; role: string; createdAt: Date };
