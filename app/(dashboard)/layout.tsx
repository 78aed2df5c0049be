import Link from "next/link";
import type { ReactNode } from "react";
import { ROLE_LABELS, roleHas, type Permission } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/server/auth/current-actor";
import { getSetting } from "@/lib/server/settings/settings";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { themeChoice } from "@/app/theme";
import { MobileNav } from "./_components/mobile-nav";
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
  { href: "/help", label: "Help", permission: "account:self" },
];

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor({ allowMfaEnrolment: true });
  const mfaRequired = await getSetting("security.mfaRequired");
  const items = actor.mfaEnrolmentRequired ? [] : NAV.filter((n) => roleHas(actor.role, n.permission));
  const theme = (await themeChoice()) ?? "system";
  return (
    <div className="flex min-h-screen">
      {/* The first Tab stop: past the navigation straight to the page's content. */}
      <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:font-semibold focus:text-slate-900 focus:shadow">
        Skip to content
      </a>
      <aside className="hidden w-60 shrink-0 flex-col bg-sidebar px-3 py-4 lg:flex">
        <Link href="/" className="mb-6 flex items-center gap-2 px-3">
          <span className="flex h-8 w-8 items-center justify-center rounded-md bg-accent font-bold text-on-accent">C</span>
          <span className="text-sm font-semibold leading-tight text-sidebar-strong">Compliance &amp;<br />Oversight</span>
        </Link>
        <Nav items={items} />
        <div className="mt-auto border-t border-sidebar-hover pt-3">
          <ThemeToggle initial={theme} className="mb-2 px-2" />
          <Link href="/account" className="block rounded-md px-3 py-2 text-sm text-sidebar-text hover:bg-sidebar-hover hover:text-sidebar-strong">
            <span className="block truncate font-medium text-sidebar-strong" data-testid="current-user">{actor.name}</span>
            <span className="block text-xs">{ROLE_LABELS[actor.role]} · Account</span>
          </Link>
          <SignOutButton />
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <MobileNav items={items} userName={actor.name} footer={<><ThemeToggle initial={theme} className="px-2 py-1" /><SignOutButton /></>} />
        {!mfaRequired && roleHas(actor.role, "settings:manage") && (
          <div role="status" className="border-b border-amber-200 bg-amber-50 px-6 py-2 text-sm text-amber-900">
            <strong>MFA enforcement is off.</strong> Admins and compliance officers can sign in with a password alone. Turn it on in <Link href="/admin" className="underline">Admin → Security</Link> before real use.
          </div>
        )}
        {actor.mfaEnrolmentRequired && (
          <div role="alert" className="border-b border-red-200 bg-red-50 px-6 py-2 text-sm text-red-800">
            Your role requires multi-factor authentication. Set up an authenticator app below to continue.
          </div>
        )}
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 outline-none sm:px-6 sm:py-8">{children}</main>
      </div>
    </div>
  );
}
