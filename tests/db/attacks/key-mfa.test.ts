// Attack: an officer who has not enrolled in MFA (while it is required) cannot use the app,
// but a key bound to them used to keep working.
import { afterEach, describe, expect, it } from "vitest";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { authenticateApiKey } from "@/lib/server/api-keys/authenticate-api-key";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { db } from "@/lib/server/db";
import { setSetting } from "@/lib/server/settings/settings";
import { makeUser } from "@/lib/server/testing/factories";

afterEach(() => setSetting(SYSTEM_CLI, "security.mfaRequired", true));

describe("keys bound to a person follow that person's MFA requirement", () => {
  it("an unenrolled officer's key is refused while MFA is required, and works once they enrol or the requirement is off", async () => {
    const officer = await makeUser({ role: "compliance_officer" });
    const k = await createApiKey(SYSTEM_CLI, { name: "mlops", scopes: ["oversight:admin"], userEmail: officer.email });
    await expect(authenticateApiKey(k.key, null)).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/multi-factor/) });
    await setSetting(SYSTEM_CLI, "security.mfaRequired", false);
    await expect(authenticateApiKey(k.key, null)).resolves.toMatchObject({ userId: officer.id });
    await setSetting(SYSTEM_CLI, "security.mfaRequired", true);
    await db().user.update({ where: { id: officer.id }, data: { mfaEnabledAt: new Date() } });
    await expect(authenticateApiKey(k.key, null)).resolves.toMatchObject({ userId: officer.id });
  });

  it("roles without the requirement and unbound keys are unaffected", async () => {
    const reviewer = await makeUser({ role: "reviewer" });
    const bound = await createApiKey(SYSTEM_CLI, { name: "rev", scopes: ["audit:read"], userEmail: reviewer.email });
    const unbound = await createApiKey(SYSTEM_CLI, { name: "site", scopes: ["consent:write"] });
    await expect(authenticateApiKey(bound.key, null)).resolves.toMatchObject({ userId: reviewer.id });
    await expect(authenticateApiKey(unbound.key, null)).resolves.toMatchObject({ userId: null });
  });
});
