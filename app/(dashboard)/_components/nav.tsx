"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export type NavItem = { href: string; label: string };

/** The item the path belongs to: the longest matching href ("/admin/webhooks" over "/admin"). */
function activeHref(items: NavItem[], path: string): string | undefined {
  return items
    .filter((i) => (i.href === "/" ? path === "/" : path === i.href || path.startsWith(`${i.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
}

export function Nav({ items, label = "Main", onNavigate }: { items: NavItem[]; label?: string; onNavigate?: () => void }) {
  const path = usePathname();
  const active = activeHref(items, path);
  return (
    <nav aria-label={label} className="flex flex-col gap-0.5">
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          onClick={onNavigate}
          aria-current={item.href === active ? "page" : undefined}
          className={`rounded-md px-3 py-2 text-sm font-medium ${item.href === active ? "bg-sidebar-hover text-sidebar-strong" : "text-sidebar-text hover:bg-sidebar-hover hover:text-sidebar-strong"}`}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
