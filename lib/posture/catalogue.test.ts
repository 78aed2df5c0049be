import { describe, expect, it } from "vitest";
import { CONTROL_CATALOGUE } from "./catalogue";
import { AREAS, FRAMEWORKS } from "./types";

describe("control catalogue", () => {
  it("has unique ids and valid areas, frameworks, frequencies and weights", () => {
    const ids = CONTROL_CATALOGUE.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of CONTROL_CATALOGUE) {
      expect(AREAS).toContain(c.area);
      expect(FRAMEWORKS).toContain(c.framework);
      expect(c.frequencyDays).toBeGreaterThan(0);
      expect(c.weight).toBeGreaterThan(0);
      expect(c.citation.length).toBeGreaterThan(5);
    }
  });
  it.each([
    ["GDPR Art. 5", "GDPR-5"], ["GDPR Art. 6", "GDPR-6"], ["GDPR Art. 7", "GDPR-7"], ["GDPR Art. 25", "GDPR-25"], ["GDPR Art. 30", "GDPR-30"],
    ["GDPR Art. 32", "GDPR-32"], ["GDPR Art. 33", "GDPR-33"], ["GDPR Art. 34", "GDPR-34"], ["GDPR Art. 35", "GDPR-35"],
    ["45 CFR 164.312(a)", "HIPAA-164.312(a)"], ["45 CFR 164.312(b)", "HIPAA-164.312(b)"], ["45 CFR 164.312(c)", "HIPAA-164.312(c)"], ["45 CFR 164.312(d)", "HIPAA-164.312(d)"], ["45 CFR 164.312(e)", "HIPAA-164.312(e)"],
    ["Cal. Civ. Code 1798.100", "CCPA-NOTICE"], ["Cal. Civ. Code 1798.120", "CCPA-OPT-OUT"], ["11 CCR 7025", "CCPA-GPC"], ["Cal. Civ. Code 1798.150", "CCPA-SECURITY"],
    ["EU AI Act Art. 9", "AIA-9"], ["EU AI Act Art. 10", "AIA-10"], ["EU AI Act Art. 12", "AIA-12"], ["EU AI Act Art. 14", "AIA-14"], ["EU AI Act Art. 26", "AIA-26"], ["EU AI Act Art. 73", "AIA-73"],
  ])("covers %s (%s) with that citation", (cite, id) => {
    const c = CONTROL_CATALOGUE.find((x) => x.id === id);
    expect(c?.citation).toContain(cite);
  });
  it("covers every best practice of the founding brief", () => {
    const brief = CONTROL_CATALOGUE.filter((c) => c.citation.startsWith("Founding brief")).map((c) => c.citation).join(" ");
    for (const practice of ["encryption of data at rest", "encryption in transit", "least privilege", "data minimisation", "model encryption", "model versioning", "multi-factor", "log review", "anomaly detection", "vulnerability scanning", "secure development", "phishing simulations", "privacy by design", "decision logic", "fairness audits", "escalation procedures", "clear accountability"]) {
      expect(brief).toContain(practice);
    }
  });
});
