import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/alerts/route";
import { POST as ackRoute } from "@/app/api/v1/alerts/[id]/acknowledge/route";
import { GET as metricsRoute } from "@/app/api/v1/metrics/route";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { acknowledgeAlert } from "@/lib/server/alerts/alerts";
import { evaluateAlerts } from "@/lib/server/alerts/evaluate";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { signIn } from "@/lib/server/auth/sign-in";
import { db } from "@/lib/server/db";
import { actorFor, makeUser } from "@/lib/server/testing/factories";

let readKey = "";
let writeKey = "";
let metricsKey = "";
beforeAll(async () => {
  readKey = (await createApiKey(SYSTEM_CLI, { name: "alerts-reader", scopes: ["alerts:read"] })).key;
  writeKey = (await createApiKey(SYSTEM_CLI, { name: "alerts-writer", scopes: ["alerts:write"] })).key;
  metricsKey = (await createApiKey(SYSTEM_CLI, { name: "scraper", scopes: ["metrics:read"] })).key;
});

const req = (method: string, path: string, key: string, body?: unknown) =>
  new Request(`http://localhost${path}`, { method, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const params = <P>(p: P) => ({ params: Promise.resolve(p) });
let ipN = 0;

describe("anomaly alerts", () => {
  it("a burst of failed sign-ins for one account raises exactly one alert, however often and concurrently the rules run; visible via the API", async () => {
    const u = await makeUser();
    // Different addresses so the per-IP limiter does not stop the burst first; 12 > the default 10.
    for (let i = 0; i < 12; i++) await signIn({ email: u.email, password: `wrong-password-${i}`, ip: `192.0.2.${++ipN}`, userAgent: "vitest" }).catch(() => undefined);
    const runs = await Promise.all([evaluateAlerts(), evaluateAlerts(), evaluateAlerts()]);
    await evaluateAlerts();
    const alerts = await db().alert.findMany({ where: { rule: "failed_signins_account", subjectId: u.id } });
    expect(alerts).toHaveLength(1);
    expect(runs.reduce((n, r) => n + r.raised, 0)).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(alerts[0]!.evidence)).toMatchObject({ count: 12 });
    expect(await db().auditEvent.count({ where: { action: "alert.raised", entityId: alerts[0]!.id } })).toBe(1);

    const res = await listRoute(req("GET", "/api/v1/alerts?status=open&limit=200", readKey), params({}));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { alerts: { id: string; rule: string; subjectId: string; status: string }[] };
    expect(body.alerts.filter((a) => a.subjectId === u.id)).toEqual([expect.objectContaining({ id: alerts[0]!.id, rule: "failed_signins_account", status: "open" })]);
    // The email is personal data and never the subject.
    expect(JSON.stringify(body)).not.toContain(u.email);
  });

  it("acknowledging needs a comment, is audited, and happens once (parallel acknowledgements: one 200, the rest 409)", async () => {
    const u = await makeUser();
    for (let i = 0; i < 10; i++) await signIn({ email: u.email, password: `wrong-password-${i}`, ip: `192.0.2.${++ipN}`, userAgent: "vitest" }).catch(() => undefined);
    await evaluateAlerts();
    const alert = await db().alert.findFirstOrThrow({ where: { subjectId: u.id } });
    const bad = await ackRoute(req("POST", `/api/v1/alerts/${alert.id}/acknowledge`, writeKey, { comment: "" }), params({ id: alert.id }));
    expect(bad.status).toBe(422);
    expect(await readForbidden(alert.id)).toBe(403);
    const results = await Promise.all(Array.from({ length: 5 }, () => ackRoute(req("POST", `/api/v1/alerts/${alert.id}/acknowledge`, writeKey, { comment: "Checked with the user: forgotten password" }), params({ id: alert.id }))));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    expect(await db().alert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({ status: "acknowledged", ackComment: "Checked with the user: forgotten password" });
    expect(await db().auditEvent.count({ where: { action: "alert.acknowledge", entityId: alert.id } })).toBe(1);
    const auditor = await actorFor("auditor");
    await expect(acknowledgeAlert(auditor, alert.id, { comment: "not mine to do" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const missing = await ackRoute(req("POST", "/api/v1/alerts/nope/acknowledge", writeKey, { comment: "nothing here" }), params({ id: "nope" }));
    expect(missing.status).toBe(404);
  });

  it("the metrics endpoint answers Prometheus text with request counts per route template and the audit tail", async () => {
    await listRoute(req("GET", "/api/v1/alerts", readKey), params({}));
    await ackRoute(req("POST", "/api/v1/alerts/none/acknowledge", writeKey, { comment: "nothing here" }), params({ id: "none" }));
    const res = await metricsRoute(req("GET", "/api/v1/metrics", metricsKey), params({}));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toMatch(/^http_requests_total\{method="GET",route="\/api\/v1\/alerts",status="2xx"\} \d+$/m);
    expect(text).toMatch(/^http_request_duration_seconds_bucket\{method="POST",route="\/api\/v1\/alerts\/\{id\}\/acknowledge",le="\+Inf"\} \d+$/m);
    expect(text).toMatch(/^audit_unsealed_events \d+$/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+$/m);
    expect((await metricsRoute(req("GET", "/api/v1/metrics", readKey), params({}))).status).toBe(403);
  });
});

async function readForbidden(id: string) {
  return (await ackRoute(req("POST", `/api/v1/alerts/${id}/acknowledge`, readKey, { comment: "a reader cannot" }), params({ id }))).status;
}
