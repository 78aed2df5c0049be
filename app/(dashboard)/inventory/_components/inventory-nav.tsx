import Link from "next/link";

const TABS = [
  { key: "overview", href: "/inventory", label: "Overview" },
  { key: "assets", href: "/inventory/assets", label: "Systems & assets" },
  { key: "activities", href: "/inventory/activities", label: "Processing activities (Art. 30)" },
] as const;

export function InventoryTabs({ current }: { current: (typeof TABS)[number]["key"] }) {
  return (
    <nav aria-label="Inventory" className="mb-6 flex gap-1 border-b border-slate-200">
      {TABS.map((t) => (
        <Link
          key={t.key}
          href={t.href}
          aria-current={t.key === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${t.key === current ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}

export function ExportLinks() {
  const cls = "text-indigo-700 hover:underline";
  return (
    <ul className="space-y-1 text-sm">
      <li><a className={cls} href="/inventory/export/assets.csv" download>Assets (CSV)</a></li>
      <li><a className={cls} href="/inventory/export/activities.csv" download>Processing activities (CSV)</a></li>
      <li><a className={cls} href="/inventory/export/register.xlsx" download>Whole register (XLSX)</a></li>
      <li><a className={cls} href="/inventory/export/art30.pdf" download>Art. 30 record for the supervisory authority (PDF)</a></li>
    </ul>
  );
}
