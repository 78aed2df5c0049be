import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { SOA_HEADERS } from "@/lib/posture/frameworks/soa";
import { SYSTEM_CLI, type Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db";
import { setApplicability } from "@/lib/server/posture/frameworks/mappings";
import { seedFrameworks } from "@/lib/server/posture/frameworks/seed";
import { statementOfApplicability } from "@/lib/server/posture/frameworks/soa";
import { reviewControl } from "@/lib/server/posture/review-control";
import { seedControlCatalogue } from "@/lib/server/posture/seed-catalogue";
import { actorFor } from "@/lib/server/testing/factories";
import { pdfPages, pdfText } from "@/tests/support/pdf-pages";

let officer: Actor;
beforeAll(async () => {
  await seedControlCatalogue(SYSTEM_CLI);
  await seedFrameworks(SYSTEM_CLI);
  officer = await actorFor("compliance_officer");
  // Both controls mapped to 164.312(d) satisfied: the requirement is satisfied.
  await reviewControl(officer, { controlId: "SEC-MFA", status: "satisfied", links: ["https://example.test/mfa-report"] });
  await reviewControl(officer, { controlId: "HIPAA-164.312(d)", status: "satisfied", links: ["https://example.test/auth-policy"] });
  await setApplicability(officer, { requirementId: "hipaa-security:164.308(a)(4)(ii)(A)", applicable: false, reason: "Not a health care clearinghouse" });
});

describe("statement of applicability", () => {
  it("XLSX: one row per assessable requirement with applicability, controls, status, evidence, owner, last review", async () => {
    const { bytes, filename } = await statementOfApplicability(officer, "hipaa-security", "xlsx");
    expect(filename).toMatch(/^soa-hipaa-security-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...SOA_HEADERS]);
    const rows = ws.getSheetValues().slice(2).filter(Boolean).map((r) => (r as unknown[]).slice(1).map((v) => (v ?? "") as string));
    expect(rows).toHaveLength(await db().requirement.count({ where: { frameworkId: "hipaa-security", assessable: true } }));
    const d = Object.fromEntries(rows.map((r) => [r[0], r]));
    expect(d["164.312(d)"]).toEqual(["164.312(d)", "Person or entity authentication", "Yes", expect.stringContaining("MFA"), "HIPAA-164.312(d), SEC-MFA", expect.stringMatching(/^(Satisfied|Partially satisfied)$/), expect.stringMatching(/^[1-9]/), "Security lead", expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)]);
    expect(d["164.308(a)(4)(ii)(A)"]!.slice(2, 4)).toEqual(["No", "Not a health care clearinghouse"]);
    expect(await db().auditEvent.count({ where: { action: "posture.soa.export", entityId: "hipaa-security" } })).toBeGreaterThanOrEqual(1);
  });
  it("PDF: has pages and prints the requirements", async () => {
    const { bytes } = await statementOfApplicability(officer, "hipaa-security", "pdf");
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdfPages(bytes).length).toBeGreaterThan(0);
    const text = pdfText(bytes).replace(/\s+/g, " ");
    expect(text).toContain("Statement of applicability");
    expect(text).toContain("Person or entity authentication");
    expect(text).toContain("Not a health care clearinghouse");
  });
  it("refuses an unknown framework", async () => {
    await expect(statementOfApplicability(officer, "nope", "xlsx")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
