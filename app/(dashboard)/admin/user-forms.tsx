"use client";
import { ActionButton, buttonRefusal } from "@/components/forms/action-button";
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
  // Each command is its own form of the pattern: busy while it runs, its answer next to it.
  const role = useActionForm(userCommandAction, USER_FIELDS);
  const command = (name: string, label: string, variant: "secondary" | "danger" = "secondary") => (
    <ActionButton action={userCommandAction} fields={{ userId: user.id, command: name }} variant={variant} className="text-xs">{label}</ActionButton>
  );
  return (
    <div className="flex flex-wrap items-start gap-1">
      <ActionForm form={role} className="flex flex-col gap-1">
        <div className="flex items-center gap-1">
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="command" value="role" />
          <Select name="role" defaultValue={role.value("role", user.role)} aria-label={`Role of ${user.email}`} invalid={!!role.error("role")} className="w-40 py-1 text-xs">
            {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
          </Select>
          <SubmitButton pending={role.pending} variant="secondary" className="text-xs">Set role</SubmitButton>
        </div>
        <FormMessage state={buttonRefusal(role.state)} />
      </ActionForm>
      {!self && command(user.disabled ? "enable" : "disable", user.disabled ? "Enable" : "Disable", user.disabled ? "secondary" : "danger")}
      {user.mfaEnabled && command("reset-mfa", "Reset MFA")}
      {user.lockedUntil && command("unlock", "Unlock")}
    </div>
  );
}
