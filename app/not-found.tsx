import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="mt-2 text-2xl font-bold">This page does not exist</h1>
      <p className="mt-2 text-slate-600">Check the address, or go back to the overview.</p>
      <Link href="/" className="mt-6 inline-block text-sm font-semibold text-indigo-600 hover:underline">Go to the overview</Link>
    </main>
  );
}
