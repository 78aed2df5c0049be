import { describe, expect, it } from "vitest";
import type { IncidentDto } from "@/lib/validation/breaches";
import { aiReportMemberStates, californiaNoticeText, dpoContactText, gdprArt33Draft, hhsPortalRecord } from "./reports";
import { INCIDENT } from "./report-fixture";
import { nis2EarlyWarning, sec8kItem105Text } from "./sector-reports";

const withSector = (sector: Partial<IncidentDto["sector"]>, extra: Partial<IncidentDto> = {}): IncidentDto => ({ ...INCIDENT, ...extra, sector: { ...INCIDENT.sector, ...sector } });

describe("reports for issue 15", () => {
  it("GDPR Art. 33(3)(b): the DPO contact from the profile replaces the placeholder", () => {
    const dpo = { name: "Dana Officer", email: "dpo@example.com", phone: "+353 1 555 0100", address: "" };
    const doc = gdprArt33Draft(INCIDENT, "Example Ltd", Date.parse("2026-03-03T00:00:00Z"), dpo);
    expect(JSON.stringify(doc.blocks)).toContain("Dana Officer · dpo@example.com · +353 1 555 0100");
    expect(dpoContactText(undefined)).toMatch(/^\[/);
  });

  it("HHS record: breach type and location as the portal names them", () => {
    const rec = hhsPortalRecord(withSector({ hhsBreachType: ["theft"], hhsLocation: ["laptop", "email"] }), "Example");
    expect(rec.breach.typeOfBreach).toEqual(["Theft"]);
    expect(rec.breach.locationOfBreachedInformation).toEqual(["Laptop", "E-mail"]);
  });

  it("AI Act report lists only EU Member States (US-CA is not one)", () => {
    expect(aiReportMemberStates(INCIDENT)).toEqual(["DE"]);
    expect(aiReportMemberStates(withSector({ aiMemberStates: ["FR"] }))).toEqual(["FR"]);
  });

  it("California notice as editable text with the five statutory headings", () => {
    const text = californiaNoticeText(INCIDENT, "Example");
    for (const h of ["What Happened", "What Information Was Involved", "What We Are Doing", "What You Can Do", "For More Information"]) expect(text).toContain(`\n${h}\n`);
  });

  it("Form 8-K Item 1.05 and NIS2 early-warning drafts", () => {
    const text = sec8kItem105Text(withSector({ materialityDeterminedAt: "2026-03-04T15:00:00.000Z" }), "Example plc");
    expect(text).toContain("Item 1.05 Material Cybersecurity Incidents.");
    expect(text).toContain("Materiality determined: 2026-03-04");
    const nis2 = nis2EarlyWarning(INCIDENT, "Example plc");
    expect(nis2.title).toMatch(/NIS2 Art\. 23\(4\)\(a\)/);
  });
});
