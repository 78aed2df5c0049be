export function Forbidden({ what }: { what: string }) {
  return (
    <div role="alert" className="rounded-lg border border-amber-200 bg-amber-50 p-6">
      <h1 className="text-lg font-semibold text-amber-900">Not available to your role</h1>
      <p className="mt-1 text-sm text-amber-800">You do not have permission to see {what}. Ask an admin if you need access.</p>
    </div>
  );
}
