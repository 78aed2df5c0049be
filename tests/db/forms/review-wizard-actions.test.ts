// The review, escalate and reveal forms and the incident wizard on the one form pattern
// (issue 16, decision 012): a refusal sends back what was typed and names the field by the
// page's label with the value; nothing is written.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { formOf, signedIn } from "./actions-helpers";
import { createIncidentAction, updateIncidentAction } from "@/app/(dashboard)/breaches/actions";
import { escalateDecisionAction, reviewDecisionAction, revealInputsAction } from "@/app/(dashboard)/oversight/actions";
import { createIncident } from "@/lib/server/breaches/create-incident";
import { db } from "@/lib/server/db";
import { actorFor } from "@/lib/server/testing/factories";
import { makeSystem, submit, systemKey } from "../oversight/helpers";

// flash() (a version command, an incident created) sets a cookie on Next's response; here it is dropped.
vi.mock("next/headers", () => ({ cookies: async () => ({ set: () => undefined }) }));

async function pendingDecision() {
  const { system } = await makeSystem({ rules: [{ when: {}, action: "review", approvals: 2, slaHours: 4, onTimeout: "escalate" }] });
  const d = await submit(await systemKey(system.id));
  return d.id;
}

const status = async (id: string) => (await db().oversightDecision.findUniqueOrThrow({ where: { id } })).status;

describe("review, escalate and reveal: refusals keep what was written", () => {
  beforeEach(async () => {
    signedIn.actor = await actorFor("reviewer");
  });

  it("a rationale that is too short is refused by its label and value, and comes back as typed", async () => {
    const id = await pendingDecision();
    const r = await reviewDecisionAction(null, formOf({ decisionId: id, verdict: "approve", rationale: "ok" }));
    expect(r).toMatchObject({ ok: false, values: { decisionId: id, verdict: "approve", rationale: "ok" } });
    expect(r.fieldErrors?.rationale).toBe('Rationale "ok" is required: say why (at least 3 characters)');
    expect(await db().decisionReview.count({ where: { decisionId: id } })).toBe(0);
  });

  it("a question asked is named as the page names it; an override without its outcome says so", async () => {
    const id = await pendingDecision();
    const q = await reviewDecisionAction(null, formOf({ decisionId: id, verdict: "request_info", rationale: "?" }));
    expect(q.fieldErrors?.rationale).toMatch(/^Your question "\?" is required/);
    const o = await reviewDecisionAction(null, formOf({ decisionId: id, verdict: "override", confirmed: "yes", rationale: "Income has doubled since." }));
    expect(o).toMatchObject({ ok: false, values: { verdict: "override", rationale: "Income has doubled since." }, fieldErrors: { overrideOutcome: "Outcome instead is required for an override" } });
    expect(await status(id)).toBe("pending_review");
  });

  it("a refusing verdict sent without its confirmation keeps the rationale", async () => {
    const id = await pendingDecision();
    const r = await reviewDecisionAction(null, formOf({ decisionId: id, verdict: "reject", rationale: "The refusal is wrong." }));
    expect(r).toMatchObject({ ok: false, message: "Confirm this verdict first: it refuses the AI system's proposal.", values: { rationale: "The refusal is wrong." } });
    expect(await status(id)).toBe("pending_review");
  });

  it("an escalation reason is kept after a refusal (too short, then already escalated) and worded by its label", async () => {
    const id = await pendingDecision();
    const short = await escalateDecisionAction(null, formOf({ decisionId: id, reason: "x" }));
    expect(short).toMatchObject({ ok: false, values: { decisionId: id, reason: "x" }, fieldErrors: { reason: 'Reason for escalating "x" is required' } });
    expect(await status(id)).toBe("pending_review");
    const ok = await escalateDecisionAction(null, formOf({ decisionId: id, reason: "Needs a compliance view." }));
    expect(ok).toMatchObject({ ok: true, message: "Escalated. You can no longer approve this decision." });
    signedIn.actor = await actorFor("compliance_officer");
    const again = await escalateDecisionAction(null, formOf({ decisionId: id, reason: "Second opinion wanted." }));
    expect(again).toMatchObject({ ok: false, message: "This decision is already escalated.", values: { reason: "Second opinion wanted." } });
  });

  it("a reveal of an unknown decision is refused in words", async () => {
    signedIn.actor = await actorFor("compliance_officer");
    const r = await revealInputsAction(null, formOf({ decisionId: "no-such-decision" }));
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^No such decision/);
  });
});

describe("incident wizard: a refused payload is worded by the wizard's labels", () => {
  beforeEach(async () => {
    signedIn.actor = await actorFor("compliance_officer");
  });

  it("names the title and the row of the affected people with the value typed; creates nothing", async () => {
    const title = `Wizard ${Date.now()}`;
    const payload = JSON.stringify({ title: " ", discoveredAt: "2026-03-10T06:30:00Z", affected: [{ jurisdiction: "DE", count: 3 }, { jurisdiction: "FR", count: 2.5 }] });
    const before = await db().incident.count();
    const r = await createIncidentAction(null, formOf({ payload }));
    expect(r).toMatchObject({ ok: false, values: { payload } });
    expect(r.fieldErrors).toMatchObject({ title: "Title is required", "affected.1.count": "Jurisdiction 2: People affected 2.5 must be a whole number" });
    expect(Object.values(r.fieldErrors ?? {}).join(" ")).not.toMatch(/Too small|expected|affected\.1/);
    expect(await db().incident.count()).toBe(before);
    expect(await db().incident.count({ where: { title } })).toBe(0);
  });

  it("an edit that is refused keeps the payload and leaves the incident as it was", async () => {
    const i = await createIncident(signedIn.actor!, { title: "Lost laptop", discoveredAt: "2026-03-10T06:30:00Z", affected: [{ jurisdiction: "DE", count: 3 }] });
    const payload = JSON.stringify({ title: "Lost laptop", discoveredAt: "yesterday", version: i.version });
    const r = await updateIncidentAction(null, formOf({ incidentId: i.id, payload }));
    expect(r).toMatchObject({ ok: false, values: { incidentId: i.id, payload } });
    expect(r.fieldErrors?.discoveredAt).toMatch(/^Discovered \/ became aware "yesterday" /);
    expect((await db().incident.findUniqueOrThrow({ where: { id: i.id } })).version).toBe(i.version);
  });
});
