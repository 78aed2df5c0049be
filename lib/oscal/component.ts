// The organisation's implementation as an OSCAL component-definition: one component whose
// control implementations say, per framework, which requirements are covered, by which
// controls, with their status and evidence references.
import { randomUUID } from "node:crypto";
import { OSCAL_VERSION } from "./version";

export type ImplementationInput = {
  organisation: string;
  frameworks: {
    id: string; title: string; source: string;
    requirements: { oscalId: string; status: string; reason: string | null; controls: { id: string; title: string; status: string }[]; evidence: { name: string; href: string }[] }[];
  }[];
};

export function implementationToOscal(input: ImplementationInput, now = new Date(), uuid: () => string = randomUUID) {
  return {
    "component-definition": {
      uuid: uuid(),
      metadata: { title: `${input.organisation}: control implementation`, "last-modified": now.toISOString(), version: now.toISOString().slice(0, 10), "oscal-version": OSCAL_VERSION },
      components: [{
        uuid: uuid(),
        type: "this-system",
        title: input.organisation,
        description: "The organisation's controls as recorded in the compliance dashboard, mapped to each framework's requirements.",
        "control-implementations": input.frameworks.filter((f) => f.requirements.length > 0).map((f) => ({
          uuid: uuid(),
          source: f.source,
          description: `Coverage of ${f.title}.`,
          "implemented-requirements": f.requirements.map((r) => ({
            uuid: uuid(),
            "control-id": r.oscalId,
            props: [{ name: "implementation-status", ns: "https://compliance-dashboard.local/ns/oscal", value: r.status }],
            ...(r.evidence.length ? { links: r.evidence.map((e) => ({ href: e.href, rel: "evidence", text: e.name })) } : {}),
            description: [r.reason, ...r.controls.map((c) => `${c.id} (${c.title}): ${c.status}`)].filter(Boolean).join("\n") || "No control mapped.",
          })),
        })),
      }],
    },
  };
}
