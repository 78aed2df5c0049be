"use client";
import Link from "next/link";
import { useEffect, useState, type ReactNode } from "react";
import { usePathname } from "next/navigation";
import { Nav, type NavItem } from "./nav";

/**
 * Below the lg breakpoint (1024 px; at tablet width the sidebar left tables a 478 px column) the sidebar is hidden; this bar and its menu take its place, so
 * every area stays reachable on a phone. The menu closes on navigation and on Escape.
 */
export function MobileNav({ items, userName, footer }: { items: NavItem[]; userName: string; footer: ReactNode }) {
  const [open, setOpen] = useState(false);
  const path = usePathname();
  useEffect(() => setOpen(false), [path]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <div className="bg-sidebar lg:hidden">
      <div className="flex items-center justify-between px-4 py-2">
        <Link href="/" className="font-semibold text-sidebar-strong">Compliance &amp; Oversight</Link>
        <button
          type="button"
          aria-expanded={open}
          aria-controls="mobile-menu"
          onClick={() => setOpen((o) => !o)}
          className="rounded-md px-3 py-1.5 text-sm font-medium text-sidebar-strong ring-1 ring-sidebar-hover"
        >
          {open ? "Close menu" : "Menu"}
        </button>
      </div>
      {open && (
        <div id="mobile-menu" className="border-t border-sidebar-hover px-3 pb-3 pt-2">
          <Nav items={items} label="Main (menu)" onNavigate={() => setOpen(false)} />
          <div className="mt-2 border-t border-sidebar-hover pt-2">
            <Link href="/account" className="block rounded-md px-3 py-2 text-sm text-sidebar-text hover:bg-sidebar-hover hover:text-sidebar-strong">{userName} · Account</Link>
            {footer}
          </div>
        </div>
      )}
    </div>
  );
}
