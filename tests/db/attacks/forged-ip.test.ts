// Attack: rotate X-Forwarded-For to get a fresh per-IP sign-in budget on every request and
// to write a chosen address into the audit log. Goes through next-auth's authorize, where
// the app derives the address from the request headers.
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { authOptions } from "@/lib/server/auth/next-auth-options";
import { db } from "@/lib/server/db";
import { PEER_HEADER } from "@/lib/server/request-ip";
import { makeUser, TEST_PASSWORD } from "@/lib/server/testing/factories";

type Authorize = (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
const authorize = (authOptions().providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

let n = 0;
const forged = () => `203.0.113.${++n % 250}`;

async function signInVia(email: string, password: string, headers: Record<string, string>) {
  try {
    await authorize({ email, password, code: "" }, { headers: { "user-agent": "attacker", ...headers } });
    return "ok";
  } catch (e) {
    return String((e as Error).message).split(":")[0];
  }
}

afterEach(() => {
  delete process.env.TRUST_PROXY;
  resetEnvCache();
});

describe("forged client addresses", () => {
  it("without TRUST_PROXY, rotating X-Forwarded-For does not reset the per-IP limit, and the audit log records the peer", async () => {
    const peer = "192.0.2.77";
    for (let i = 0; i < 30; i++) {
      expect(await signInVia(`ghost-${i}-${n}@nowhere.test`, "not-the-password", { [PEER_HEADER]: peer, "x-forwarded-for": forged(), "x-real-ip": forged() })).toBe("INVALID");
    }
    const u = await makeUser();
    expect(await signInVia(u.email, TEST_PASSWORD, { [PEER_HEADER]: peer, "x-forwarded-for": forged() })).toBe("RATE_LIMITED");
    const ips = await db().auditEvent.findMany({ where: { action: { startsWith: "auth.signin" }, actorLabel: "anonymous" }, select: { ip: true } });
    expect(ips.length).toBeGreaterThan(0);
    expect(ips.filter((e) => e.ip?.startsWith("203.0.113."))).toEqual([]);
    expect(ips.some((e) => e.ip === peer)).toBe(true);
  });

  it("with TRUST_PROXY=1 only the rightmost entry (the proxy's) counts", async () => {
    process.env.TRUST_PROXY = "1";
    resetEnvCache();
    const client = "192.0.2.88";
    const u = await makeUser();
    expect(await signInVia(u.email, TEST_PASSWORD, { "x-forwarded-for": `${forged()}, ${client}` })).toBe("ok");
    const ev = await db().auditEvent.findFirst({ where: { action: "auth.signin", entityId: u.id } });
    expect(ev?.ip).toBe(client);
  });
});
