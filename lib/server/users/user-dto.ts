import "server-only";
import type { User } from "@/generated/prisma/client";
import { isRole, type Role } from "@/lib/auth/permissions";

export type UserDto = {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  mfaEnabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
};

export function toUserDto(u: User): UserDto {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: isRole(u.role) ? u.role : "auditor",
    disabled: !!u.disabledAt,
    mfaEnabled: !!u.mfaEnabledAt,
    lockedUntil: u.lockedUntil && u.lockedUntil > new Date() ? u.lockedUntil.toISOString() : null,
    createdAt: u.createdAt.toISOString(),
  };
}
