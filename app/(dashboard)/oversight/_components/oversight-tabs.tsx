import Link from "next/link";

const TABS = [
  { href: "/oversight", label: "Overview" },
  { href: "/oversight/inbox", label: "Reviewer inbox" },
  { href: "/oversight/systems", label: "AI systems" },
];

export function OversightTabs({ current }: { current: string }) {
  return (
    <nav aria-label="Oversight" className="mb-6 flex gap-1 border-b border-slate-200">
      {TABS.map((t) => (
        <Link key={t.href} href={t.href} aria-current={current === t.href ? "page" : undefined} className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${current === t.href ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}>
          {t.label}
        </Link>
      ))}
    </nav>
  );
}

export const STATUS_TONE: Record<string, "gray" | "green" | "red" | "amber" | "indigo"> = {
  auto_accepted: "gray",
  pending_review: "indigo",
  escalated: "amber",
  approved: "green",
  rejected: "red",
  overridden: "amber",
  expired: "red",
};

export const statusLabel = (s: string) => s.replace("_", " ");
