"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input, Select } from "@/components/ui/field";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/auth/permissions";
import { createUserAction, userCommandAction } from "./actions";

export function CreateUserForm() {
  const [state, action, pending] = useActionState(createUserAction, null);
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2">
      <Field label="Name" error={state?.fieldErrors?.name}><Input name="name" required /></Field>
      <Field label="Email" error={state?.fieldErrors?.email}><Input name="email" type="email" required /></Field>
      <Field label="Role" error={state?.fieldErrors?.role}>
        <Select name="role" defaultValue="reviewer">
          {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
        </Select>
      </Field>
      <Field label="Initial password" error={state?.fieldErrors?.password} hint="At least 12 characters.">
        <Input name="password" type="password" autoComplete="new-password" minLength={12} required />
      </Field>
      <div className="sm:col-span-2 space-y-2">
        <FormMessage state={state} />
        <Button type="submit" disabled={pending}>Create user</Button>
      </div>
    </form>
  );
}

export function UserCommands({ user, self }: { user: { id: string; email: string; role: Role; disabled: boolean; mfaEnabled: boolean; lockedUntil: string | null }; self: boolean }) {
  const [state, action, pending] = useActionState(userCommandAction, null);
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-1">
        <form action={action} className="flex items-center gap-1">
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="command" value="role" />
          <Select name="role" defaultValue={user.role} aria-label={`Role of ${user.email}`} className="w-40 py-1 text-xs">
            {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
          </Select>
          <Button type="submit" variant="secondary" disabled={pending} className="text-xs">Set role</Button>
        </form>
        {!self && (
          <form action={action}>
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="command" value={user.disabled ? "enable" : "disable"} />
            <Button type="submit" variant={user.disabled ? "secondary" : "danger"} disabled={pending} className="text-xs">{user.disabled ? "Enable" : "Disable"}</Button>
          </form>
        )}
        {user.mfaEnabled && (
          <form action={action}>
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="command" value="reset-mfa" />
            <Button type="submit" variant="secondary" disabled={pending} className="text-xs">Reset MFA</Button>
          </form>
        )}
        {user.lockedUntil && (
          <form action={action}>
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="command" value="unlock" />
            <Button type="submit" variant="secondary" disabled={pending} className="text-xs">Unlock</Button>
          </form>
        )}
      </div>
      <FormMessage state={state} />
    </div>
  );
}
