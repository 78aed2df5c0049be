"use client";
import { isActionTooLargeMessage } from "@/lib/security/action-body-limit";

export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // A form over the server-action body limit was refused by the proxy with the limit in words.
  if (isActionTooLargeMessage(error.message)) {
    return (
      <div role="alert" className="rounded-lg border border-amber-200 bg-amber-50 p-6">
        <h2 className="font-semibold text-amber-900">The form was too large to send</h2>
        <p className="mt-1 text-sm text-amber-900">{error.message}</p>
        <button onClick={reset} className="mt-4 rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-amber-900 ring-1 ring-amber-300">Back to the form</button>
      </div>
    );
  }
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
