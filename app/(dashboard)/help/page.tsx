import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/server/auth/current-actor";
import { FORM_HELP, HELP_TOPICS, ROLE_HELP } from "./topics";

export const metadata: Metadata = { title: "Help" };

export default async function HelpPage() {
  await requireActor();
  return (
    <>
      <PageHeader title="Help" description="What each area is for, how to start, and the rules it rests on. The links to the rules open the official texts." />
      <nav aria-label="Help topics" className="mb-6">
        <ul className="flex flex-wrap gap-2 text-sm">
          {HELP_TOPICS.map((t) => (
            <li key={t.id}><a href={`#${t.id}`} className="rounded-md bg-white px-3 py-1.5 text-indigo-700 ring-1 ring-slate-200 hover:bg-slate-50">{t.title}</a></li>
          ))}
        </ul>
      </nav>
      <div className="space-y-6">
        {HELP_TOPICS.map((t) => (
          <section key={t.id} id={t.id} aria-labelledby={`${t.id}-title`} className="scroll-mt-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <h2 id={`${t.id}-title`} className="text-lg font-semibold text-slate-900">{t.title}</h2>
              <Link href={t.app.href} className="text-sm font-medium text-indigo-700 hover:underline">{t.app.label} →</Link>
            </div>
            <p className="mt-2 max-w-3xl text-sm text-slate-700">{t.summary}</p>
            <h3 className="mt-4 text-sm font-semibold text-slate-900">How to start</h3>
            <ol className="mt-1 list-decimal space-y-1 pl-5 text-sm text-slate-700">
              {t.steps.map((s) => <li key={s}>{s}</li>)}
            </ol>
            <h3 className="mt-4 text-sm font-semibold text-slate-900">The rules</h3>
            <ul className="mt-1 space-y-1 text-sm">
              {t.rules.map((r) => (
                <li key={r.label}><a href={r.href} target="_blank" rel="noopener noreferrer" className="text-indigo-700 hover:underline">{r.label}</a></li>
              ))}
            </ul>
          </section>
        ))}
        <Card title="Roles">
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            {ROLE_HELP.map((r) => (
              <div key={r.role}><dt className="font-semibold text-slate-900">{r.role}</dt><dd className="text-slate-700">{r.can}</dd></div>
            ))}
          </dl>
        </Card>
        <Card title="Forms, confirmations and dates">
          <ul className="space-y-1 text-sm text-slate-700">
            {FORM_HELP.map((t) => <li key={t}>{t}</li>)}
          </ul>
        </Card>
        <Card title="Keyboard">
          <ul className="space-y-1 text-sm text-slate-700">
            <li><kbd className="rounded bg-slate-100 px-1">Tab</kbd> from the top of any page: the first stop is “Skip to content”.</li>
            <li>The theme follows your system setting; choose Light or Dark at the bottom of the menu to override it.</li>
          </ul>
        </Card>
      </div>
    </>
  );
}
