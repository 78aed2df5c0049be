import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderBreachRulesDoc } from "./rules-doc";

describe("docs/breach-rules.md", () => {
  it("is current (regenerate with npm run breach-rules:doc)", () => {
    const checkedIn = readFileSync(join(process.cwd(), "docs/breach-rules.md"), "utf8");
    expect(checkedIn === renderBreachRulesDoc(), "docs/breach-rules.md is stale: run npm run breach-rules:doc").toBe(true);
  });

  it("has a row for every US jurisdiction and the Texas credit-bureau threshold", () => {
    const doc = renderBreachRulesDoc();
    for (const code of ["US-AL", "US-WY", "US-DC", "US-PR", "US-GU", "US-VI", "US-CA"]) expect(doc).toContain(`| ${code} |`);
    expect(doc).toMatch(/\| US-TX \| Texas \| credit_bureaus \|.*more than 10000 residents/);
  });
});
