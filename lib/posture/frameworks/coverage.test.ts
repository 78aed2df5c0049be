import { describe, expect, it } from "vitest";
import type { ControlStatus } from "../types";
import { frameworkCoverage, requirementStatus, type RequirementStatus } from "./coverage";

describe("requirementStatus", () => {
  const table: [ControlStatus[], RequirementStatus][] = [
    [[], "unmapped"],
    [["satisfied"], "satisfied"],
    [["satisfied", "satisfied"], "satisfied"],
    [["satisfied", "not_applicable"], "satisfied"],
    [["satisfied", "not_satisfied"], "partial"],
    [["partial"], "partial"],
    [["not_reviewed", "partial"], "partial"],
    [["not_reviewed"], "not_satisfied"],
    [["not_satisfied", "not_reviewed"], "not_satisfied"],
    [["not_applicable", "not_applicable"], "not_applicable"],
  ];
  it.each(table)("%j -> %s", (statuses, want) => expect(requirementStatus(statuses)).toBe(want));
});

describe("frameworkCoverage", () => {
  const reqs = ["r1", "r2", "r3", "r4", "r5", "r6"].map((id) => ({ id, assessable: true }));
  const controls = new Map<string, { status: ControlStatus; evidenceCount: number }>([
    ["A", { status: "satisfied", evidenceCount: 2 }],
    ["B", { status: "partial", evidenceCount: 1 }],
    ["C", { status: "not_reviewed", evidenceCount: 0 }],
    ["D", { status: "not_applicable", evidenceCount: 0 }],
  ]);
  const mappings = [
    { controlId: "A", requirementId: "r1" }, { controlId: "A", requirementId: "r2" }, { controlId: "B", requirementId: "r2" },
    { controlId: "C", requirementId: "r3" }, { controlId: "D", requirementId: "r4" }, { controlId: "A", requirementId: "r6" },
    { controlId: "GONE", requirementId: "r5" },
  ];
  const out = frameworkCoverage({ requirements: [...reqs, { id: "group", assessable: false }], notApplicable: new Map([["r6", "No ePHI on workstations"]]), mappings, controls });
  const by = Object.fromEntries(out.requirements.map((r) => [r.requirementId, r]));

  it("gives each requirement its status, controls and evidence", () => {
    expect(by.r1).toMatchObject({ status: "satisfied", controlIds: ["A"], evidenceCount: 2 });
    expect(by.r2).toMatchObject({ status: "partial", controlIds: ["A", "B"], evidenceCount: 3 });
    expect(by.r3!.status).toBe("not_satisfied");
    expect(by.r4).toMatchObject({ status: "not_applicable", reason: "Every mapped control is not applicable." });
    expect(by.r5!.status).toBe("unmapped"); // the mapped control no longer exists
    expect(by.r6).toMatchObject({ status: "not_applicable", reason: "No ePHI on workstations" });
    expect(by.group).toBeUndefined();
  });
  it("summarises and scores over applicable requirements, unmapped counting 0", () => {
    expect(out.summary).toEqual({ satisfied: 1, partial: 1, not_satisfied: 1, not_applicable: 2, unmapped: 1, assessable: 6, mapped: 5, score: 37.5 });
  });
  it("has no score when nothing applies", () => {
    const s = frameworkCoverage({ requirements: [{ id: "x", assessable: true }], notApplicable: new Map([["x", "n/a"]]), mappings: [], controls: new Map() });
    expect(s.summary.score).toBeNull();
  });
});
