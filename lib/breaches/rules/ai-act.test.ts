import { describe, expect, it } from "vitest";
import { find, regime, run } from "../test-fixtures";
import type { AiIncidentKind, ComputeOptions, Incident } from "../types";

// Awareness Monday 2 November 2026, 10:00 UTC (Art. 73 applies from 2 August 2026, Art. 113).
interface Case {
  readonly name: string;
  readonly incident: Partial<Incident>;
  readonly options?: ComputeOptions;
  readonly expected: Record<string, string | null>;
}

const AT = "2026-11-02T10:00:00Z";
const provider = (kind: AiIncidentKind): Partial<Incident> => ({ discoveredAt: AT, roles: ["ai_provider"], aiSeriousIncident: { kind } });
const MSA = "EU-AI-ACT:market_surveillance_authority";

const cases: Case[] = [
  { name: "EU AI Act Art. 73(2) provider, other serious incident -> 15 days after awareness", incident: provider("other"), expected: { [MSA]: "2026-11-17T23:59:59.999Z" } },
  { name: "EU AI Act Art. 73(4) provider, death -> 10 days", incident: provider("death"), expected: { [MSA]: "2026-11-12T23:59:59.999Z" } },
  { name: "EU AI Act Art. 73(3) provider, widespread infringement -> 2 days", incident: provider("widespread_infringement"), expected: { [MSA]: "2026-11-04T23:59:59.999Z" } },
  { name: "EU AI Act Art. 73(3) + Art. 3(49)(b) provider, critical infrastructure -> 2 days", incident: provider("critical_infrastructure"), expected: { [MSA]: "2026-11-04T23:59:59.999Z" } },
  { name: "EU AI Act Art. 26(5) deployer -> provider immediately (dueAt null) and the market surveillance authority", incident: { discoveredAt: AT, roles: ["ai_deployer"], aiSeriousIncident: { kind: "death" } }, expected: { "EU-AI-ACT:provider": null, [MSA]: "2026-11-12T23:59:59.999Z" } },
  { name: "EU AI Act Art. 73(2) + Art. 26(5) provider and deployer roles together", incident: { discoveredAt: AT, roles: ["ai_provider", "ai_deployer"], aiSeriousIncident: { kind: "other" } }, expected: { [MSA]: "2026-11-17T23:59:59.999Z", "EU-AI-ACT:provider": null } },
  { name: "EU AI Act Art. 73 no serious incident flagged -> nothing", incident: { discoveredAt: AT, roles: ["ai_provider", "ai_deployer"] }, expected: {} },
  { name: "EU AI Act Art. 73(4) no roles recorded -> the organisation is taken as provider (death: 10 days)", incident: { discoveredAt: AT, roles: [], aiSeriousIncident: { kind: "death" } }, expected: { [MSA]: "2026-11-12T23:59:59.999Z" } },
  { name: "EU AI Act Art. 73 serious incident but no AI role -> nothing", incident: { discoveredAt: AT, roles: ["controller"], aiSeriousIncident: { kind: "death" } }, expected: {} },
  { name: "EU AI Act Art. 73(3) 2 days counted from the local date in Europe/Berlin (01:30 CEST on 2 May)", incident: { ...provider("widespread_infringement"), discoveredAt: "2026-09-01T23:30:00Z" }, options: { timeZone: "Europe/Berlin" }, expected: { [MSA]: "2026-09-04T21:59:59.999Z" } },
  { name: "EU AI Act Art. 113: incident discovered 1 August 2026 -> Art. 73 not yet applicable", incident: { ...provider("death"), discoveredAt: "2026-08-01T10:00:00Z" }, expected: {} },
  { name: "EU AI Act Art. 113: incident discovered 2 August 2026 -> Art. 73 applies", incident: { ...provider("death"), discoveredAt: "2026-08-02T10:00:00Z" }, expected: { [MSA]: "2026-08-12T23:59:59.999Z" } },
  { name: "EU AI Act Art. 73: Los Angeles provider, incident in Germany -> end of day in Berlin (earlier than LA)", incident: { ...provider("other"), aiMemberStates: ["DE"] }, options: { timeZone: "America/Los_Angeles" }, expected: { [MSA]: "2026-11-17T22:59:59.999Z" } },
  { name: "EU AI Act Art. 73: member state taken from the affected EU jurisdictions (FR), LA provider", incident: { ...provider("death"), affected: [{ jurisdiction: "FR", count: 1 }, { jurisdiction: "US-CA", count: 4 }] }, options: { timeZone: "America/Los_Angeles" }, expected: { [MSA]: "2026-11-12T22:59:59.999Z" } },
  { name: "EU AI Act Art. 73: non-EU codes in aiMemberStates are ignored (US, GB)", incident: { ...provider("death"), aiMemberStates: ["US", "GB"] }, options: { timeZone: "America/Los_Angeles" }, expected: { [MSA]: "2026-11-13T07:59:59.999Z" } },
];

describe("EU AI Act Art. 73 and Art. 26(5)", () => {
  it.each(cases)("$name", (c) => {
    const ai = regime(run(c.incident, c.options), "EU-AI-ACT");
    expect(Object.fromEntries(ai.map((o) => [o.key, o.dueAt]))).toEqual(c.expected);
  });

  it.each([
    { kind: "other", citation: "EU AI Act Art. 73(2)" },
    { kind: "death", citation: "EU AI Act Art. 73(4)" },
    { kind: "widespread_infringement", citation: "EU AI Act Art. 73(3)" },
    { kind: "critical_infrastructure", citation: "EU AI Act Art. 73(3), Art. 3(49)(b)" },
  ] as const)("$citation cited for kind $kind, awareness trigger, Art. 73 checklist", ({ kind, citation }) => {
    const o = find(run(provider(kind)), MSA);
    expect(o).toMatchObject({ citation, trigger: "awareness", recipient: "market_surveillance_authority", ruleVersion: "eu-ai-act-art73@2026-08-02" });
    expect(o.contentChecklist.join(" ")).toMatch(/Art\. 73\(5\)/);
  });
});
