import type { Metadata } from "next";
import { emailEnabled } from "@/lib/server/notifications/mailer";
import { ForgotForm } from "./forms";
import { AuthShell } from "./shell";

export const metadata: Metadata = { title: "Forgot password" };
export const dynamic = "force-dynamic";

export default function ForgotPasswordPage() {
  return (
    <AuthShell title="Forgot password?" intro="We email you a link to choose a new password.">
      {emailEnabled() ? (
        <ForgotForm />
      ) : (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Email is off on this server, so passwords cannot be reset by email. Ask an administrator to reset yours. <a className="text-indigo-600 hover:underline" href="/login">Back to sign in</a>
        </p>
      )}
    </AuthShell>
  );
}
