// Compliance posture: the app's control catalogue plus custom controls up to the count,
// each reviewed on its frequency over the history (ControlReview rows; the control keeps
// its latest review's status and next review date, as reviewControl leaves it), and one
// posture snapshot per UTC day for three years, ending on the anchor day (dayOf, the
// counts the daily job stores).
import { CONTROL_CATALOGUE, type CatalogueControl } from "@/lib/posture/catalogue";
import { dayOf } from "@/lib/posture/history";
import { AREAS } from "@/lib/posture/types";
import type { Person } from "./accounts";
import type { AuditActor, AuditStream } from "./audit";
import { ANCHOR, cuidOf, DAY, Rng, SPAN_DAYS, START } from "./rng";
import { Batch, type Sink } from "./sink";

const JOB: AuditActor = ["system", null, "system:posture.snapshot-job", null];
const STATUSES = [["satisfied", 70], ["partial", 15], ["not_satisfied", 10], ["not_applicable", 5]] as const;
const CONTROL_COLUMNS = ["id", "title", "description", "area", "framework", "citation", "owner", "frequencyDays", "weight", "manualCheck", "reviewStatus", "lastReviewedAt", "nextReviewAt", "createdAt", "updatedAt"];

function controls(count: number, rng: Rng): CatalogueControl[] {
  const out = CONTROL_CATALOGUE.slice(0, count);
  for (let i = out.length; i < count; i++) {
    const area = AREAS[i % AREAS.length]!;
    out.push({ id: `CUSTOM-${String(i + 1).padStart(3, "0")}`, title: `Custom ${area} control ${i + 1}`, description: `Standard dataset control ${i + 1} for ${area}.`, area, framework: "custom", citation: "Internal policy", owner: rng.pick(["Security lead", "Data protection officer", "ML platform lead"]), frequencyDays: rng.pick([30, 90, 180, 365]), weight: rng.between(1, 3), manualCheck: "Review the evidence attached to the last review." });
  }
  return out;
}

export async function seedPosture(sink: Sink, audit: AuditStream, officer: Person, count: number) {
  const rng = new Rng("posture");
  const list = controls(count, rng);
  const reviews = new Batch(sink, "ControlReview", ["id", "controlId", "status", "comment", "reviewerId", "reviewerLabel", "reviewedAt", "nextReviewAt"], Number.MAX_SAFE_INTEGER);
  const rows = [];
  for (const c of list) {
    let t = START + rng.int(c.frequencyDays) * DAY;
    let last: { status: string; at: number; next: number } | null = null;
    while (t < ANCHOR) {
      const status = rng.weighted(STATUSES);
      const next = t + c.frequencyDays * DAY;
      await reviews.add([cuidOf(`control-review:${c.id}:${t}`), c.id, status, `Reviewed against the evidence (${status.replace("_", " ")})`, officer.id, officer.email, new Date(t), new Date(next)]);
      audit.add(t, officer.actor, "posture.control.review", "Control", c.id, { status, nextReviewAt: new Date(next).toISOString() });
      last = { status, at: t, next };
      // Some reviews come late, so a few controls are overdue at the anchor.
      t = next + (rng.chance(0.1) ? rng.between(1, 40) * DAY : 0);
    }
    rows.push([c.id, c.title, c.description, c.area, c.framework, c.citation, c.owner, c.frequencyDays, c.weight, c.manualCheck, last?.status ?? null, last ? new Date(last.at) : null, new Date(last?.next ?? START + c.frequencyDays * DAY), new Date(START), new Date(last?.at ?? START)]);
  }
  await sink.insert("Control", CONTROL_COLUMNS, rows);
  await reviews.flush();
  const scores = Object.fromEntries(AREAS.map((a) => [a, 70 + rng.next() * 10])) as Record<(typeof AREAS)[number], number>;
  const snapshots = [];
  for (let d = 0; d < SPAN_DAYS; d++) {
    // The daily job at 22:00 UTC; the last one on the eve of the anchor.
    const takenAt = START + (d + 1) * DAY - 2 * 3_600_000;
    for (const a of AREAS) scores[a] = Math.min(99, Math.max(40, scores[a] + (rng.next() - 0.45) * 1.5));
    const r = (v: number) => Math.round(v * 10) / 10;
    const overall = r(AREAS.reduce((s, a) => s + scores[a], 0) / AREAS.length);
    const satisfied = Math.round((count * overall) / 100);
    const counts = { satisfied, partial: Math.round((count - satisfied) / 2), not_satisfied: count - satisfied - Math.round((count - satisfied) / 2), not_applicable: 0, not_reviewed: 0, failingTests: rng.int(4), overdueReviews: rng.int(6), controls: count };
    const day = dayOf(new Date(takenAt));
    snapshots.push([cuidOf(`snapshot:${day}`), day, new Date(takenAt), overall, r(scores.inventory), r(scores.consent), r(scores.breaches), r(scores.oversight), r(scores.security), JSON.stringify(counts), false]);
    audit.add(takenAt, JOB, "posture.snapshot", "PostureSnapshot", day, { overall, inventory: r(scores.inventory), consent: r(scores.consent), breaches: r(scores.breaches), oversight: r(scores.oversight), security: r(scores.security), failingTests: counts.failingTests, overdueReviews: counts.overdueReviews });
  }
  await sink.insert("PostureSnapshot", ["id", "day", "takenAt", "overall", "inventory", "consent", "breaches", "oversight", "security", "counts", "seeded"], snapshots);
  return { controls: list.length, reviews: reviews.written, snapshots: snapshots.length };
}
