import { describe, expect, it } from "vitest";
import { amrAssertsMfa, groupsFromClaim, parseRoleMap, roleForGroups } from "@/lib/sso/role-map";

describe("role map", () => {
  const map = parseRoleMap("oversight-admins=admin, privacy=compliance_officer,reviewers=reviewer,audit=auditor");

  it("parses group=role entries", () => {
    expect(map).toEqual([
      { group: "oversight-admins", role: "admin" },
      { group: "privacy", role: "compliance_officer" },
      { group: "reviewers", role: "reviewer" },
      { group: "audit", role: "auditor" },
    ]);
    expect(parseRoleMap("")).toEqual([]);
  });

  it("refuses unknown roles and entries without a group", () => {
    expect(() => parseRoleMap("privacy=superuser")).toThrow(/role must be one of/);
    expect(() => parseRoleMap("=admin")).toThrow(/group=role/);
    expect(() => parseRoleMap("privacy")).toThrow(/group=role/);
  });

  it("gives the most privileged mapped role, or null when nothing is mapped", () => {
    expect(roleForGroups(map, ["reviewers", "privacy"])).toBe("compliance_officer");
    expect(roleForGroups(map, ["audit", "oversight-admins"])).toBe("admin");
    expect(roleForGroups(map, ["reviewers"])).toBe("reviewer");
    expect(roleForGroups(map, ["everyone"])).toBeNull();
    expect(roleForGroups(map, [])).toBeNull();
  });

  it("reads the groups claim in its usual shapes", () => {
    expect(groupsFromClaim(["a", 1, "b"])).toEqual(["a", "b"]);
    expect(groupsFromClaim("a")).toEqual(["a"]);
    expect(groupsFromClaim(undefined)).toEqual([]);
  });

  it("counts amr as MFA only when a second factor is asserted", () => {
    expect(amrAssertsMfa(["pwd", "mfa"])).toBe(true);
    expect(amrAssertsMfa(["hwk"])).toBe(true);
    expect(amrAssertsMfa(["OTP"])).toBe(true);
    expect(amrAssertsMfa(["pwd"])).toBe(false);
    expect(amrAssertsMfa("mfa")).toBe(false);
    expect(amrAssertsMfa(undefined)).toBe(false);
  });
});
