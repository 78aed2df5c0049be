import { describe, expect, it } from "vitest";
import { INCIDENT } from "./report-fixture";
import { CA_HEADINGS, californiaNoticeDraft, formatInstant, gdprArt33Draft, hhsPortalRecord, incidentReportPdf, registerRows, REGISTER_HEADERS } from "./reports";


describe("breach documents", () => {
  it("formats instants in the organisation's zone", () => {
    expect(formatInstant("2026-03-02T10:00:00.000Z", "Europe/Berlin")).toBe("2026-03-02 11:00 (Europe/Berlin)");
  });

  it("Cal. Civ. Code 1798.82(d)(1): the draft is titled 'Notice of Data Breach' with the five headings in order", () => {
    const doc = californiaNoticeDraft(INCIDENT, "Acme Health");
    expect(doc.title).toBe("Notice of Data Breach");
    expect(doc.blocks.filter((b) => b.kind === "heading").map((b) => (b as { text: string }).text)).toEqual([...CA_HEADINGS]);
    expect(CA_HEADINGS).toEqual(["What Happened", "What Information Was Involved", "What We Are Doing", "What You Can Do", "For More Information"]);
  });

  it("GDPR Art. 33(3)(a)-(d): the draft has the four content sections, and asks for reasons once late (Art. 33(1))", () => {
    const headings = (now: number) => gdprArt33Draft(INCIDENT, "Acme", now).blocks.filter((b) => b.kind === "heading").map((b) => (b as { text: string }).text);
    const onTime = headings(Date.parse("2026-03-03T00:00:00Z"));
    expect(onTime.filter((h) => /^\([abcd]\)/.test(h))).toHaveLength(4);
    expect(onTime.some((h) => h.includes("delay"))).toBe(false);
    expect(headings(Date.parse("2026-03-06T00:00:00Z")).some((h) => h.includes("Reasons for the delay"))).toBe(true);
  });

  it("45 CFR 164.408: the HHS record counts every affected individual and picks the form by the 500 threshold", () => {
    const r = hhsPortalRecord(INCIDENT, "Acme Health");
    expect(r.breach.approximateNumberOfIndividualsAffected).toBe(603);
    expect(r.reportType).toContain("164.408(b)");
    expect(hhsPortalRecord({ ...INCIDENT, affected: [{ jurisdiction: "US-CA", count: 499 }] }, "Acme").reportType).toContain("164.408(c)");
  });

  it("the report lists every obligation with its citation and rule version, and the timeline", () => {
    const doc = incidentReportPdf(INCIDENT, "2026-03-03T00:00:00Z", "Acme");
    const table = doc.blocks.find((b) => b.kind === "table" && b.headers[0] === "Obligation") as { rows: string[][] };
    expect(table.rows).toHaveLength(2);
    expect(table.rows[0]![3]).toContain("GDPR Art. 33(1)");
    expect(table.rows[0]![3]).toContain("gdpr-art33-34@2018-05-25");
    expect(JSON.stringify(doc.blocks)).toContain("Police report filed");
  });

  it("GDPR Art. 33(5) register row: one per incident with the next pending deadline", () => {
    const [row] = registerRows([INCIDENT]);
    expect(row).toHaveLength(REGISTER_HEADERS.length);
    expect(row![REGISTER_HEADERS.indexOf("Affected total")]).toBe(603);
    expect(row![REGISTER_HEADERS.indexOf("Next due")]).toBe("2026-03-05T10:00:00.000Z");
  });

  it("the register's Roles column is never empty: no roles recorded reads as the owner of the data, in words", () => {
    const roles = (i: typeof INCIDENT) => registerRows([i])[0]![REGISTER_HEADERS.indexOf("Roles")];
    expect(roles({ ...INCIDENT, roles: [], phi: true })).toBe("Owner of the data: Controller (GDPR); HIPAA covered entity");
    expect(roles({ ...INCIDENT, roles: ["processor", "business_associate"] })).toBe("Processor (GDPR); HIPAA business associate");
  });
});
