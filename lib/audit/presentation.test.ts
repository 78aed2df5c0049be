import { describe, expect, it } from "vitest";
import { AUDIT_AREAS, detailFields, humanKey } from "./presentation";

describe("audit presentation", () => {
  it("names keys in words", () => {
    expect(humanKey("evidenceExpiresAt")).toBe("Evidence expires at");
    expect(humanKey("gpc_opt_outs")).toBe("Gpc opt outs");
  });
  it("reads details as labelled fields, changes as old → new, and survives bad JSON", () => {
    expect(detailFields('{"status":"satisfied","links":1,"files":[],"mfa":false}')).toEqual([
      { label: "Status", value: "satisfied" },
      { label: "Links", value: "1" },
      { label: "Files", value: "none" },
      { label: "Mfa", value: "no" },
    ]);
    expect(detailFields('{"role":{"from":"reviewer","to":"admin"}}')).toEqual([{ label: "Role", value: "reviewer → admin" }]);
    expect(detailFields("not json")).toEqual([{ label: "Details", value: "not json" }]);
    expect(detailFields(null)).toEqual([]);
  });
  it("puts incident and obligation events under breaches (filtering by breach missed them)", () => {
    const p: readonly string[] = AUDIT_AREAS.breaches.prefixes;
    expect(p).toContain("incident.");
    expect(p).toContain("obligation.");
  });
});
