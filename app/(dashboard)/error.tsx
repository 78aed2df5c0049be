"use client";

export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6">
      <h2 className="font-semibold text-red-800">This page could not be loaded</h2>
      <p className="mt-1 text-sm text-red-700">
        Something went wrong on our side{error.digest ? ` (reference ${error.digest})` : ""}. Try again; if it keeps failing, give the reference to an admin.
      </p>
      <button onClick={reset} className="mt-4 rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-red-700 ring-1 ring-red-300">Try again</button>
    </div>
  );
}
