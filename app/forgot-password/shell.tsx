import type { ReactNode } from "react";

/** The frame of the signed-out pages (same as the sign-in page). */
export function AuthShell({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <div className="mx-auto flex h-10 w-10 items-center justify-center rounded-lg bg-indigo-600 text-lg font-bold text-white">C</div>
          <h1 className="mt-3 text-xl font-bold">{title}</h1>
          <p className="text-sm text-slate-600">{intro}</p>
        </div>
        {children}
      </div>
    </main>
  );
}
