"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ActionForm, FormStatus, SelectField, SubmitButton, TextField, useActionForm } from "@/components/forms/action-form";
import { FormMessage, Select } from "@/components/ui/field";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/auth/permissions";
import { createUserAction, userCommandAction } from "./actions";
import { USER_FIELDS } from "./admin-fields";

export function CreateUserForm() {
  const form = useActionForm(createUserAction, USER_FIELDS);
  return (
    <ActionForm form={form} className="grid gap-3 sm:grid-cols-2">
      <TextField form={form} name="name" required />
      <TextField form={form} name="email" type="email" required />
      <SelectField form={form} name="role" initial="reviewer" options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
      {/* Never sent back after a refusal: typed again. */}
      <TextField form={form} name="password" type="password" autoComplete="new-password" minLength={12} required hint="At least 12 characters." />
      <div className="sm:col-span-2 space-y-2">
        <FormStatus form={form} />
        <SubmitButton pending={form.pending}>Create user</SubmitButton>
      </div>
    </ActionForm>
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
