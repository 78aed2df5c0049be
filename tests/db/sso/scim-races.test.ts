// Parallel SCIM requests (decision 006): the role follows the final memberships, and
// duplicates are one 201 and 409s, never a 500. Meaningful on PostgreSQL; run on both.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { roleForGroups, parseRoleMap } from "@/lib/sso/role-map";
import { db } from "@/lib/server/db";
import { mintScimToken } from "@/lib/server/scim/auth";
import { actorFor } from "@/lib/server/testing/factories";
import { GROUP_SCHEMA, PATCH_OP, scimClient, USER_SCHEMA } from "./scim-client";

const tag = randomBytes(4).toString("hex");
const MAP = `race-admins-${tag}=admin,race-reviewers-${tag}=reviewer`;
let scim: ReturnType<typeof scimClient>;

beforeAll(async () => {
  process.env.OIDC_ROLE_MAP = MAP;
  resetEnvCache();
  scim = scimClient((await mintScimToken(await actorFor("admin"), "race")).token);
});

describe("SCIM under concurrency", () => {
  it("the same userName posted in parallel: one 201, the rest 409 uniqueness", async () => {
    const body = { schemas: [USER_SCHEMA], userName: `twin.${tag}@scim.example.org` };
    const results = await Promise.all(Array.from({ length: 4 }, () => scim("POST", "/scim/v2/Users", body)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.scimType === "uniqueness")).toBe(true);
  });

  it("removing from admins while adding to reviewers, in parallel, leaves the role of the final groups", async () => {
    for (let round = 0; round < 5; round++) {
      const u = await scim("POST", "/scim/v2/Users", { schemas: [USER_SCHEMA], userName: `racer${round}.${tag}@scim.example.org` });
      const admins = await scim("POST", "/scim/v2/Groups", { schemas: [GROUP_SCHEMA], displayName: `race-admins-${tag}`, members: [{ value: u.body.id }] }).then(async (r) =>
        r.status === 201 ? r : scim("GET", `/scim/v2/Groups?filter=${encodeURIComponent(`displayName eq "race-admins-${tag}"`)}`).then((l) => ({ ...l, body: l.body.Resources[0] })),
      );
      if (round > 0) await scim("PATCH", `/scim/v2/Groups/${admins.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: "add", path: "members", value: [{ value: u.body.id }] }] });
      const reviewers = await scim("POST", "/scim/v2/Groups", { schemas: [GROUP_SCHEMA], displayName: `race-reviewers-${tag}-${round}` });
      expect((await db().user.findUniqueOrThrow({ where: { id: u.body.id } })).role).toBe("admin");
      // The reviewers group of this round maps through its own entry.
      process.env.OIDC_ROLE_MAP = `${MAP},race-reviewers-${tag}-${round}=reviewer`;
      resetEnvCache();
      const [removed, added] = await Promise.all([
        scim("PATCH", `/scim/v2/Groups/${admins.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: "remove", path: `members[value eq "${u.body.id}"]` }] }),
        scim("PATCH", `/scim/v2/Groups/${reviewers.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: "add", path: "members", value: [{ value: u.body.id }] }] }),
      ]);
      expect([removed.status, added.status]).toEqual([200, 200]);
      const groups = await db().scimGroup.findMany({ where: { members: { some: { userId: u.body.id } } }, select: { displayName: true } });
      const expected = roleForGroups(parseRoleMap(process.env.OIDC_ROLE_MAP), groups.map((g) => g.displayName));
      expect(expected).toBe("reviewer");
      expect((await db().user.findUniqueOrThrow({ where: { id: u.body.id } })).role).toBe(expected);
    }
  });
});
