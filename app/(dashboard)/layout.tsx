import Link from "next/link";
import type { ReactNode } from "react";
import { ROLE_LABELS, roleHas, type Permission } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/server/auth/current-actor";
import { getSetting } from "@/lib/server/settings/settings";
import { Nav, type NavItem } from "./_components/nav";
import { SignOutButton } from "./_components/sign-out-button";

// Navigation is filtered by the permission table; the pages check again on their own,
// since a layout is not a security boundary.
const NAV: (NavItem & { permission: Permission })[] = [
  { href: "/", label: "Overview", permission: "dashboard:read" },
  { href: "/inventory", label: "Inventory", permission: "inventory:read" },
  { href: "/consent", label: "Consent", permission: "consent:read" },
  { href: "/breaches", label: "Breaches", permission: "breach:read" },
  { href: "/oversight", label: "Oversight", permission: "oversight:read" },
  { href: "/posture", label: "Checklists & posture", permission: "posture:read" },
  { href: "/alerts", label: "Alerts", permission: "alerts:read" },
  { href: "/audit", label: "Audit log", permission: "audit:read" },
  { href: "/admin", label: "Admin", permission: "user:read" },
  { href: "/admin/webhooks", label: "Webhooks", permission: "webhooks:manage" },
];

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor({ allowMfaEnrolment: true });
  const mfaRequired = await getSetting("security.mfaRequired");
  const items = actor.mfaEnrolmentRequired ? [] : NAV.filter((n) => roleHas(actor.role, n.permission));
  return (
    <div className="flex min-h-screen">
      <aside className="hidden w-60 shrink-0 flex-col bg-slate-900 px-3 py-4 md:flex">
        <Link href="/" className="mb-6 flex items-center gap-2 px-3">
          <span className="flex h-8 w-8 items-center justify-center rounded-md bg-indigo-500 font-bold text-white">C</span>
          <span className="text-sm font-semibold leading-tight text-white">Compliance &amp;<br />Oversight</span>
        </Link>
        <Nav items={items} />
        <div className="mt-auto border-t border-slate-800 pt-3">
          <Link href="/account" className="block rounded-md px-3 py-2 text-sm text-slate-300 hover:bg-slate-800 hover:text-white">
            <span className="block truncate font-medium text-white" data-testid="current-user">{actor.name}</span>
            <span className="block text-xs">{ROLE_LABELS[actor.role]} · Account</span>
          </Link>
          <SignOutButton />
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <div className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-2 md:hidden">
          <span className="font-semibold">Compliance &amp; Oversight</span>
          <Link href="/account" className="text-sm text-indigo-600">{actor.name}</Link>
        </div>
        {!mfaRequired && (
          <div role="status" className="border-b border-amber-200 bg-amber-50 px-6 py-2 text-sm text-amber-900">
            <strong>MFA enforcement is off.</strong> Admins and compliance officers can sign in with a password alone. Turn it on in Admin → Security before real use.
          </div>
        )}
        {actor.mfaEnrolmentRequired && (
          <div role="alert" className="border-b border-red-200 bg-red-50 px-6 py-2 text-sm text-red-800">
            Your role requires multi-factor authentication. Set up an authenticator app below to continue.
          </div>
        )}
        <main className="mx-auto w-full max-w-6xl flex-1 px-6 py-8">{children}</main>
      </div>
    </div>
  );
}
