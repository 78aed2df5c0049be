import { describe, expect, it } from "vitest";
import { parseBool, rowsToRecords, splitTagged, unguard } from "@/lib/inventory/csv-format";

describe("register CSV format", () => {
  it.each([
    ["GDPR Art. 30(1)(b): a purpose with its Art. 6 basis", "Pay salaries [contract]", { text: "Pay salaries", code: "contract" }],
    ["GDPR Art. 30(1)(b): a purpose without a basis", "Analytics", { text: "Analytics", code: null }],
    ["GDPR Art. 30(1)(b): empty brackets mean no basis", "Analytics []", { text: "Analytics", code: null }],
    ["GDPR Art. 30(1)(e): a transfer with its safeguard", "US Payroll Inc [scc]", { text: "US Payroll Inc", code: "scc" }],
  ])("%s", (_n, cell, expected) => {
    expect(splitTagged(cell)).toEqual(expected);
  });

  it.each([
    ["yes", true], ["No", false], ["", false], ["1", true], ["maybe", "invalid"],
  ] as const)("boolean cell %s", (cell, expected) => {
    expect(parseBool(cell)).toBe(expected);
  });

  it("OWASP CSV injection: the export's apostrophe guard is removed on import, ordinary apostrophes kept", () => {
    expect(unguard("'=SUM(A1)")).toBe("=SUM(A1)");
    expect(unguard("'tis fine")).toBe("'tis fine");
  });

  it("row numbers count the header as row 1 and unknown columns are named", () => {
    const { records, headerErrors } = rowsToRecords([["name", "colour"], ["A"], ["B"]], ["name"]);
    expect(records.map((r) => r.row)).toEqual([2, 3]);
    expect(headerErrors).toEqual(["Unknown column(s): colour."]);
  });
});
