import { describe, expect, it } from "vitest";
import { CONTROL_CATALOGUE } from "../catalogue";
import { requirementId } from "./catalog-schema";
import { seededCatalogs } from "./catalogs";
import { seededControlMappings } from "./control-mappings";
import { SEEDED_CROSSWALKS } from "./crosswalks";

const byId = Object.fromEntries(seededCatalogs().map((c) => [c.id, c]));
const leaves = (id: string) => byId[id]!.requirements.filter((r) => r.assessable !== false);
const allIds = new Set(seededCatalogs().flatMap((c) => c.requirements.map((r) => requirementId(c.id, r.identifier))));

describe("seeded catalogues", () => {
  it("NIST CSF 2.0 has 6 functions, 22 categories and 106 subcategories", () => {
    const ids = byId["nist-csf-2.0"]!.requirements.map((r) => r.identifier);
    expect(ids.filter((i) => /^[A-Z]{2}$/.test(i))).toHaveLength(6);
    expect(ids.filter((i) => /^[A-Z]{2}\.[A-Z]{2}$/.test(i))).toHaveLength(22);
    expect(leaves("nist-csf-2.0")).toHaveLength(106);
    expect(ids).toContain("GV.OC-01");
    expect(ids.at(-1)).toBe("RC.CO-04");
  });
  it("NIST AI RMF 1.0 has 72 subcategories (GOVERN 19, MAP 18, MEASURE 22, MANAGE 13)", () => {
    const l = leaves("nist-ai-rmf-1.0").map((r) => r.identifier);
    expect(l).toHaveLength(72);
    for (const [fn, n] of [["GOVERN", 19], ["MAP", 18], ["MEASURE", 22], ["MANAGE", 13]] as const) {
      expect(l.filter((i) => i.startsWith(fn + " "))).toHaveLength(n);
    }
    expect(l[0]).toBe("GOVERN 1.1");
    expect(l.at(-1)).toBe("MANAGE 4.3");
  });
  it("ISO/IEC 27001:2022 Annex A has 93 controls (37 + 8 + 14 + 34)", () => {
    const l = leaves("iso-27001-2022").map((r) => r.identifier);
    expect(l).toHaveLength(93);
    expect([5, 6, 7, 8].map((n) => l.filter((i) => i.startsWith(`A.${n}.`)).length)).toEqual([37, 8, 14, 34]);
  });
  it("ISO/IEC 42001:2023 Annex A has 38 controls", () => expect(leaves("iso-42001-2023")).toHaveLength(38));
  it("HIPAA 164.308-312 implementation specifications: 14 required, 22 addressable", () => {
    const specs = leaves("hipaa-security").filter((r) => r.attributes?.kind === "implementation_specification" && /^164\.31?[0-2]/.test(r.identifier) && !r.identifier.startsWith("164.314") && !r.identifier.startsWith("164.316"));
    const count = (s: string) => specs.filter((r) => r.attributes?.specification === s).length;
    expect([count("required"), count("addressable")]).toEqual([14, 22]);
    // Standards without implementation specifications are themselves required.
    expect(leaves("hipaa-security").filter((r) => r.attributes?.kind === "standard").map((r) => r.identifier)).toEqual(
      ["164.308(a)(2)", "164.308(a)(8)", "164.310(b)", "164.310(c)", "164.312(b)", "164.312(d)", "164.316(a)"]);
  });
  it("outline catalogues carry no requirement text", () => {
    for (const c of seededCatalogs().filter((c) => c.licence === "outline")) expect(c.requirements.some((r) => r.text)).toBe(false);
  });
  it("every seeded mapping and crosswalk points at a real control and requirement", () => {
    const controls = new Set(CONTROL_CATALOGUE.map((c) => c.id));
    for (const m of seededControlMappings()) {
      expect(controls.has(m.controlId), m.controlId).toBe(true);
      expect(allIds.has(m.requirementId), m.requirementId).toBe(true);
    }
    for (const x of SEEDED_CROSSWALKS) for (const id of [x.from, x.to]) expect(allIds.has(id), id).toBe(true);
  });
  it("every catalogue control maps to at least one requirement outside the baseline", () => {
    const mapped = new Set(seededControlMappings().filter((m) => !m.requirementId.startsWith("baseline:")).map((m) => m.controlId));
    expect(CONTROL_CATALOGUE.filter((c) => !mapped.has(c.id)).map((c) => c.id)).toEqual([]);
  });
});
