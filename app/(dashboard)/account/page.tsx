import type { Metadata } from "next";
import { PageHeader, Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/server/auth/current-actor";
import { getMfaStatus } from "@/lib/server/auth/mfa";
import { MfaCard, RecoveryCodesForm } from "./mfa-forms";
import { CreateApiKeyForm } from "../admin/key-forms";
import { PasswordForm } from "./password-form";
import { NotificationForm } from "./notification-form";
import { getMyPreferences } from "@/lib/server/notifications/preferences";
import { emailEnabled } from "@/lib/server/notifications/mailer";
import { CalendarFeedForm } from "./calendar-form";
import { calendarTokenStatus } from "@/lib/server/calendar/tokens";
import { DateTime } from "@/components/ui/date-time";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const actor = await requireActor({ allowMfaEnrolment: true });
  const mfa = await getMfaStatus(actor);
  const prefs = actor.mfaEnrolmentRequired ? null : await getMyPreferences(actor);
  const email = emailEnabled();
  const calendar = await calendarTokenStatus(actor);
  return (
    <>
      <PageHeader title="Your account" description={`${actor.email} · ${ROLE_LABELS[actor.role]}`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <MfaCard enabled={mfa.enabled}>
          <p className="text-sm text-slate-700">
            On since <DateTime value={mfa.enabledAt} />. {mfa.recoveryCodesLeft} unused recovery code{mfa.recoveryCodesLeft === 1 ? "" : "s"} left.
          </p>
          <RecoveryCodesForm />
        </MfaCard>
        <Card title="Password" description="At least 12 characters. Changing it signs out your other sessions.">
          <PasswordForm />
        </Card>
        {prefs && (
          <Card
            title="Email notifications"
            description="Reminders and a daily digest about the records you are responsible for. Email never contains data subjects' personal data, only a link to the record."
            actions={email ? <Badge tone="green">Email on</Badge> : <Badge tone="amber">Email is off</Badge>}
          >
            {!email && <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">Email is off on this server (no SMTP_URL), so nothing is sent. Your settings apply once an administrator turns it on.</p>}
            <NotificationForm disabled={prefs.disabled} digest={prefs.digest} />
          </Card>
        )}
        {!actor.mfaEnrolmentRequired && (
          <Card title="API keys" description="A key that acts for you (e.g. decisions:review for a ticketing integration). It can do no more than your role; only a key you create yourself counts as you in four-eyes reviews.">
            <CreateApiKeyForm own />
          </Card>
        )}
        {!actor.mfaEnrolmentRequired && (
          <Card
            title="Calendar feed"
            description="An iCalendar URL for your calendar app with the deadlines your role sees: breach obligations, decision review SLAs, control reviews. The URL is the credential: keep it private."
            actions={calendar.active ? <Badge tone="green">Active</Badge> : <Badge>Off</Badge>}
          >
            <CalendarFeedForm active={calendar.active} since={calendar.active ? <DateTime value={calendar.createdAt} /> : null} />
          </Card>
        )}
      </div>
    </>
  );
}
