// GET /calendar/<token>.ics: a person's deadlines for calendar apps, which cannot sign in,
// so the token in the URL is the credential (lib/server/calendar/tokens.ts). Anything
// unknown, revoked or malformed is a plain 404.
import { calendarFeed } from "@/lib/server/calendar/feed";

export async function GET(_req: Request, ctx: { params: Promise<{ file: string }> }) {
  const { file } = await ctx.params;
  const token = file.endsWith(".ics") ? file.slice(0, -4) : "";
  const body = token ? await calendarFeed(token) : null;
  if (body === null) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  return new Response(body, { headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" } });
}
