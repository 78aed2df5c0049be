import { describe, expect, it } from "vitest";
import { find, regime, run } from "../test-fixtures";
import type { AiIncidentKind, ComputeOptions, Incident } from "../types";

// Awareness 2 March 2026, 10:00 UTC.
interface Case {
  readonly name: string;
  readonly incident: Partial<Incident>;
  readonly options?: ComputeOptions;
  readonly expected: Record<string, string | null>;
}

const provider = (kind: AiIncidentKind): Partial<Incident> => ({ roles: ["ai_provider"], aiSeriousIncident: { kind } });
const MSA = "EU-AI-ACT:market_surveillance_authority";

const cases: Case[] = [
  { name: "EU AI Act Art. 73(2) provider, other serious incident -> 15 days after awareness", incident: provider("other"), expected: { [MSA]: "2026-03-17T23:59:59.999Z" } },
  { name: "EU AI Act Art. 73(4) provider, death -> 10 days", incident: provider("death"), expected: { [MSA]: "2026-03-12T23:59:59.999Z" } },
  { name: "EU AI Act Art. 73(3) provider, widespread infringement -> 2 days", incident: provider("widespread_infringement"), expected: { [MSA]: "2026-03-04T23:59:59.999Z" } },
  { name: "EU AI Act Art. 73(3) + Art. 3(49)(b) provider, critical infrastructure -> 2 days", incident: provider("critical_infrastructure"), expected: { [MSA]: "2026-03-04T23:59:59.999Z" } },
  { name: "EU AI Act Art. 26(5) deployer -> provider immediately (dueAt null), no authority report", incident: { roles: ["ai_deployer"], aiSeriousIncident: { kind: "death" } }, expected: { "EU-AI-ACT:provider": null } },
  { name: "EU AI Act Art. 73(2) + Art. 26(5) provider and deployer roles together", incident: { roles: ["ai_provider", "ai_deployer"], aiSeriousIncident: { kind: "other" } }, expected: { [MSA]: "2026-03-17T23:59:59.999Z", "EU-AI-ACT:provider": null } },
  { name: "EU AI Act Art. 73 no serious incident flagged -> nothing", incident: { roles: ["ai_provider", "ai_deployer"] }, expected: {} },
  { name: "EU AI Act Art. 73(4) no roles recorded -> the organisation is taken as provider (death: 10 days)", incident: { roles: [], aiSeriousIncident: { kind: "death" } }, expected: { [MSA]: "2026-03-12T23:59:59.999Z" } },
  { name: "EU AI Act Art. 73 serious incident but no AI role -> nothing", incident: { roles: ["controller"], aiSeriousIncident: { kind: "death" } }, expected: {} },
  { name: "EU AI Act Art. 73(3) 2 days counted from the local date in Europe/Berlin (01:30 CEST on 2 May)", incident: { ...provider("widespread_infringement"), discoveredAt: "2026-05-01T23:30:00Z" }, options: { timeZone: "Europe/Berlin" }, expected: { [MSA]: "2026-05-04T21:59:59.999Z" } },
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
    expect(o).toMatchObject({ citation, trigger: "awareness", recipient: "market_surveillance_authority", ruleVersion: "eu-ai-act-art73@2024-08-01" });
    expect(o.contentChecklist.join(" ")).toMatch(/Art\. 73\(5\)/);
  });
});
