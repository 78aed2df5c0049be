// SCIM 2.0 core operations (RFC 7644 §3) against the real route handlers, both dialects.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { signIn } from "@/lib/server/auth/sign-in";
import { db } from "@/lib/server/db";
import { mintScimToken, revokeScimToken } from "@/lib/server/scim/auth";
import { actorFor, makeUser, TEST_PASSWORD } from "@/lib/server/testing/factories";
import { validateSession } from "@/lib/server/users/sessions";
import { verifySealed } from "@/tests/support/audit";
import { GROUP_SCHEMA, PATCH_OP, scimClient, USER_SCHEMA } from "./scim-client";

const ENV_TOKEN = randomBytes(32).toString("base64url");
let scim: ReturnType<typeof scimClient>;
const tag = randomBytes(4).toString("hex");
const email = (who: string) => `${who}.${tag}@scim.example.org`;

beforeAll(async () => {
  process.env.SCIM_TOKEN = ENV_TOKEN;
  process.env.OIDC_ROLE_MAP = `admins-${tag}=admin,privacy-${tag}=compliance_officer,reviewers-${tag}=reviewer`;
  resetEnvCache();
  const minted = await mintScimToken(await actorFor("admin"), "Okta");
  scim = scimClient(minted.token);
});

const newUser = async (who: string, extra: Record<string, unknown> = {}) => {
  const res = await scim("POST", "/scim/v2/Users", { schemas: [USER_SCHEMA], userName: email(who), name: { givenName: who, familyName: "Tester" }, emails: [{ value: email(who), primary: true }], active: true, ...extra });
  expect(res.status).toBe(201);
  return res.body;
};

// Sign-in limits are per IP and the database is shared with other files: each sign-in here uses its own address.
const freshIp = () => `198.18.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

describe("SCIM authentication", () => {
  it("refuses a missing, wrong or revoked token with 401 in the SCIM error shape", async () => {
    for (const token of [null, "not-the-token-at-all-0123456789"]) {
      const res = await scimClient(token)("GET", "/scim/v2/Users");
      expect(res.status).toBe(401);
      expect(res.contentType).toBe("application/scim+json");
      expect(res.body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "401" });
    }
    const t = await mintScimToken(await actorFor("admin"), "to revoke");
    expect((await scimClient(t.token)("GET", "/scim/v2/ServiceProviderConfig")).status).toBe(200);
    await revokeScimToken(await actorFor("admin"), t.id);
    expect((await scimClient(t.token)("GET", "/scim/v2/ServiceProviderConfig")).status).toBe(401);
  });

  it("accepts SCIM_TOKEN from the environment", async () => {
    expect((await scimClient(ENV_TOKEN)("GET", "/scim/v2/ResourceTypes")).body.totalResults).toBe(2);
  });

  it("only an admin mints tokens, and only the hash is stored", async () => {
    await expect(mintScimToken(await actorFor("compliance_officer"), "x")).rejects.toMatchObject({ code: "FORBIDDEN" });
    const t = await mintScimToken(await actorFor("admin"), "hash check");
    const row = await db().scimToken.findUniqueOrThrow({ where: { id: t.id } });
    expect(row.tokenHash).not.toContain(t.token);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("SCIM Users", () => {
  it("creates, reads, filters and pages", async () => {
    const created = await newUser("ada", { externalId: `ext-ada-${tag}` });
    expect(created).toMatchObject({ schemas: [USER_SCHEMA], userName: email("ada"), active: true, externalId: `ext-ada-${tag}`, displayName: "ada Tester" });
    expect(created.meta.location).toMatch(new RegExp(`/scim/v2/Users/${created.id}$`));
    const got = await scim("GET", `/scim/v2/Users/${created.id}`);
    expect(got.body.userName).toBe(email("ada"));

    const filtered = await scim("GET", `/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${email("ada").toUpperCase()}"`)}`);
    expect(filtered.body).toMatchObject({ totalResults: 1, startIndex: 1, itemsPerPage: 1 });
    expect(filtered.body.Resources[0].id).toBe(created.id);
    const byExt = await scim("GET", `/scim/v2/Users?filter=${encodeURIComponent(`externalId eq "ext-ada-${tag}"`)}`);
    expect(byExt.body.Resources.map((u: { id: string }) => u.id)).toEqual([created.id]);
    const none = await scim("GET", `/scim/v2/Users?filter=${encodeURIComponent('userName eq "nobody@nowhere.example"')}`);
    expect(none.body).toMatchObject({ totalResults: 0, Resources: [] });

    await newUser("bob");
    const page = await scim("GET", "/scim/v2/Users?startIndex=2&count=1");
    expect(page.body.itemsPerPage).toBe(1);
    expect(page.body.startIndex).toBe(2);
    expect(page.body.totalResults).toBeGreaterThanOrEqual(2);
  });

  it("answers 409 uniqueness for a duplicate userName, 400 with scimType for bad bodies and filters", async () => {
    await newUser("dup");
    const dup = await scim("POST", "/scim/v2/Users", { schemas: [USER_SCHEMA], userName: email("dup") });
    expect(dup.status).toBe(409);
    expect(dup.body.scimType).toBe("uniqueness");

    const bad = await scim("POST", "/scim/v2/Users", { schemas: [USER_SCHEMA], userName: "not an email" });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ scimType: "invalidValue", status: "400" });
    expect(bad.body.detail).toMatch(/userName/);

    const syntax = await scim("POST", "/scim/v2/Users", undefined, "{not json");
    expect(syntax.status).toBe(400);
    expect(syntax.body.scimType).toBe("invalidSyntax");

    const filter = await scim("GET", `/scim/v2/Users?filter=${encodeURIComponent('userName sw "a"')}`);
    expect(filter.status).toBe(400);
    expect(filter.body.scimType).toBe("invalidFilter");

    const missing = await scim("GET", "/scim/v2/Users/does-not-exist");
    expect(missing.status).toBe(404);
  });

  it("replaces with PUT and patches with PatchOp", async () => {
    const u = await newUser("carol");
    const put = await scim("PUT", `/scim/v2/Users/${u.id}`, { schemas: [USER_SCHEMA], userName: email("carol2"), displayName: "Carol Two", active: true });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ userName: email("carol2"), displayName: "Carol Two" });
    const patch = await scim("PATCH", `/scim/v2/Users/${u.id}`, { schemas: [PATCH_OP], Operations: [{ op: "Replace", path: "displayName", value: "Carol Three" }] });
    expect(patch.status).toBe(200);
    expect(patch.body.displayName).toBe("Carol Three");
    const noSchema = await scim("PATCH", `/scim/v2/Users/${u.id}`, { Operations: [{ op: "replace", path: "active", value: false }] });
    expect(noSchema.status).toBe(400);
    const badPath = await scim("PATCH", `/scim/v2/Users/${u.id}`, { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "nickName", value: "x" }] });
    expect(badPath.body.scimType).toBe("invalidPath");
    const events = await db().auditEvent.findMany({ where: { entityId: u.id, action: "user.update" } });
    expect(events.length).toBe(2);
    expect(events.every((e) => e.actorLabel === "system:scim:Okta")).toBe(true);
  });

  it("deactivating with PATCH ends a live session at once; PUT and DELETE do too", async () => {
    for (const how of ["patch", "put", "delete"] as const) {
      const local = await makeUser({ role: "reviewer", email: email(`live-${how}`) });
      const session = await signIn({ email: local.email, password: TEST_PASSWORD, ip: freshIp(), userAgent: "vitest" });
      expect(await validateSession(session.sessionId)).not.toBeNull();
      const res =
        how === "patch"
          ? await scim("PATCH", `/scim/v2/Users/${local.id}`, { schemas: [PATCH_OP], Operations: [{ op: "replace", value: { active: false } }] })
          : how === "put"
            ? await scim("PUT", `/scim/v2/Users/${local.id}`, { schemas: [USER_SCHEMA], userName: local.email, active: false })
            : await scim("DELETE", `/scim/v2/Users/${local.id}`);
      expect(res.status).toBe(how === "delete" ? 204 : 200);
      expect(await validateSession(session.sessionId)).toBeNull();
      const row = await db().authSession.findUniqueOrThrow({ where: { id: session.sessionId } });
      expect(row.revokedWhy).toBe("user_disabled");
      expect((await scim("GET", `/scim/v2/Users/${local.id}`)).body.active).toBe(false);
      await expect(signIn({ email: local.email, password: TEST_PASSWORD, ip: freshIp(), userAgent: "vitest" })).rejects.toMatchObject({ code: "DISABLED" });
    }
  });
});

describe("SCIM Groups: membership maps to a role", () => {
  it("creates a group with members, adds and removes members by PATCH, and the role follows", async () => {
    const a = await newUser("gina");
    const b = await newUser("hal");
    const created = await scim("POST", "/scim/v2/Groups", { schemas: [GROUP_SCHEMA], displayName: `reviewers-${tag}`, members: [{ value: a.id }] });
    expect(created.status).toBe(201);
    expect(created.body.members.map((m: { value: string }) => m.value)).toEqual([a.id]);
    expect((await db().user.findUniqueOrThrow({ where: { id: a.id } })).role).toBe("reviewer");

    const privacy = await scim("POST", "/scim/v2/Groups", { schemas: [GROUP_SCHEMA], displayName: `privacy-${tag}` });
    const add = await scim("PATCH", `/scim/v2/Groups/${privacy.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: "add", path: "members", value: [{ value: a.id }, { value: b.id }] }] });
    expect(add.status).toBe(200);
    expect(add.body.members).toHaveLength(2);
    // The most privileged mapped group wins.
    expect((await db().user.findUniqueOrThrow({ where: { id: a.id } })).role).toBe("compliance_officer");
    expect((await scim("GET", `/scim/v2/Users/${a.id}`)).body.groups.map((g: { display: string }) => g.display).sort()).toEqual([`privacy-${tag}`, `reviewers-${tag}`]);

    const remove = await scim("PATCH", `/scim/v2/Groups/${privacy.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: "remove", path: `members[value eq "${a.id}"]` }] });
    expect(remove.body.members.map((m: { value: string }) => m.value)).toEqual([b.id]);
    expect((await db().user.findUniqueOrThrow({ where: { id: a.id } })).role).toBe("reviewer");
    const change = await db().auditEvent.findFirst({ where: { entityId: a.id, action: "user.role.change" }, orderBy: { id: "desc" } });
    expect(JSON.parse(change!.diff!)).toMatchObject({ before: "compliance_officer", after: "reviewer", source: "scim_groups" });

    const filtered = await scim("GET", `/scim/v2/Groups?filter=${encodeURIComponent(`displayName eq "privacy-${tag}"`)}`);
    expect(filtered.body.Resources.map((g: { id: string }) => g.id)).toEqual([privacy.body.id]);
  });

  it("a role change from groups ends the person's sessions; PUT replaces members", async () => {
    const local = await makeUser({ role: "reviewer", email: email("iris") });
    const session = await signIn({ email: local.email, password: TEST_PASSWORD, ip: freshIp(), userAgent: "vitest" });
    const g = await scim("POST", "/scim/v2/Groups", { schemas: [GROUP_SCHEMA], displayName: `admins-${tag}`, members: [{ value: local.id }] });
    expect((await db().user.findUniqueOrThrow({ where: { id: local.id } })).role).toBe("admin");
    expect(await validateSession(session.sessionId)).toBeNull();
    const put = await scim("PUT", `/scim/v2/Groups/${g.body.id}`, { schemas: [GROUP_SCHEMA], displayName: `admins-${tag}`, members: [] });
    expect(put.body.members).toEqual([]);
  });

  it("refuses unknown members and duplicate names without a partial write", async () => {
    const bad = await scim("POST", "/scim/v2/Groups", { schemas: [GROUP_SCHEMA], displayName: `ghosts-${tag}`, members: [{ value: "no-such-user" }] });
    expect(bad.status).toBe(400);
    expect(bad.body.scimType).toBe("invalidValue");
    expect(await db().scimGroup.count({ where: { displayName: `ghosts-${tag}` } })).toBe(0);
    await scim("POST", "/scim/v2/Groups", { schemas: [GROUP_SCHEMA], displayName: `twice-${tag}` });
    const dup = await scim("POST", "/scim/v2/Groups", { schemas: [GROUP_SCHEMA], displayName: `twice-${tag}` });
    expect(dup.status).toBe(409);
    expect(dup.body.scimType).toBe("uniqueness");
  });
});

describe("SCIM discovery", () => {
  it("serves ServiceProviderConfig, ResourceTypes and Schemas", async () => {
    const spc = await scim("GET", "/scim/v2/ServiceProviderConfig");
    expect(spc.body).toMatchObject({ patch: { supported: true }, filter: { supported: true }, bulk: { supported: false } });
    const types = await scim("GET", "/scim/v2/ResourceTypes");
    expect(types.body.Resources.map((r: { id: string }) => r.id)).toEqual(["User", "Group"]);
    const schemas = await scim("GET", "/scim/v2/Schemas");
    expect(schemas.body.Resources.map((r: { id: string }) => r.id)).toEqual([USER_SCHEMA, GROUP_SCHEMA]);
  });

  it("leaves a verifiable audit log", async () => {
    const result = await verifySealed();
    expect(result.ok).toBe(true);
  });
});
