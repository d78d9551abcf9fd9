import { z } from 'zod';
import type { Permission, RoleCode, ScopeGrant } from './permissions';

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
  tenant: z.string().trim().min(1).max(64).optional(),
});
export type LoginBody = z.infer<typeof loginBody>;

/** Password policy (MLPS 2.0): at least 10 characters from at least three of four classes. */
export function checkPasswordPolicy(password: string): 'too_short' | 'too_simple' | null {
  if (password.length < 10) return 'too_short';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  return classes < 3 ? 'too_simple' : null;
}

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

export interface RoleAssignmentView {
  id: string;
  role: RoleCode;
  scope: ScopeGrant;
  scopeName: string | null;
}

export interface MeView {
  user: {
    id: string;
    username: string;
    displayName: string;
    tenantId: string;
    tenantName: string;
    personId: string | null;
    mustChangePassword: boolean;
    roles: RoleAssignmentView[];
    permissions: Permission[];
  };
  csrfToken: string;
}
