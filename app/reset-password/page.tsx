import type { Metadata } from "next";
import { checkResetToken } from "@/lib/server/users/password-reset";
import { ResetForm } from "../forgot-password/forms";
import { AuthShell } from "../forgot-password/shell";

export const metadata: Metadata = { title: "Reset password", referrer: "no-referrer" };

const REFUSED = {
  unknown: "This reset link is not valid.",
  used: "This reset link was already used (or replaced by a newer one).",
  expired: "This reset link has expired: links work for 30 minutes.",
} as const;

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const token = (await searchParams).token ?? "";
  const state = token.length >= 20 && token.length <= 200 ? await checkResetToken(token) : "unknown";
  return (
    <AuthShell title="Choose a new password" intro="This signs you out everywhere.">
      {state === "valid" ? (
        <ResetForm token={token} />
      ) : (
        <p role="alert" data-testid="reset-refused" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {REFUSED[state]} <a className="text-indigo-600 hover:underline" href="/forgot-password">Ask for a new link</a>.
        </p>
      )}
    </AuthShell>
  );
}
