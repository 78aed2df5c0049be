import { describe, expect, it } from "vitest";
// @ts-expect-error plain ESM script without types
import { judgeAudit } from "./audit-deps.mjs";

describe("dependency advisory check (scripts/audit-deps.mjs)", () => {
  it("says plainly when the advisory service did not answer", () => {
    expect(judgeAudit(JSON.stringify({ message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk", statusCode: 405 }))).toEqual({ status: "unchecked", lines: [expect.stringContaining("405")] });
    expect(judgeAudit("")).toMatchObject({ status: "unchecked" });
  });
  it("passes with only low or moderate advisories", () => {
    const report = { metadata: { vulnerabilities: { low: 1, moderate: 1, high: 0, critical: 0 } }, vulnerabilities: { a: { severity: "low" }, b: { severity: "moderate" } } };
    expect(judgeAudit(JSON.stringify(report)).status).toBe("ok");
  });
  it("fails on a high or critical advisory and names the package", () => {
    const report = { metadata: { vulnerabilities: { high: 1, critical: 1 } }, vulnerabilities: { next: { severity: "critical", fixAvailable: true }, pdfkit: { severity: "high" }, x: { severity: "low" } } };
    expect(judgeAudit(JSON.stringify(report))).toEqual({ status: "vulnerable", lines: ["next: critical (fix available)", "pdfkit: high"] });
  });
});
