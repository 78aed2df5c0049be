// Consent: 8 purposes (one a sale/sharing purpose) with their notice versions, and the
// ledger as the ingest would have recorded it in batches of 100 over three years: subjects
// (blind-index lookup, encrypted identifier), events with the history chain
// (docs/decisions/203: prevEventId links each pair's events in recording order, ids in
// the ledgerIds format), evidence, current state (the latest event by occurrence time,
// ties to the later one: latestPerPair / replacesState) and each subject's lastGpcAt.
import { ACTION_STATUS } from "@/lib/consent/ledger";
import type { ConsentAction, ConsentSource } from "@/lib/validation/consent";
import { encrypt, lookupHash } from "@/lib/server/keys";
import { IP_CONTEXT, ipHasher, SUBJECT_CONTEXT } from "@/lib/server/consent/ingest-shared";
import { sha256Hex } from "@/lib/server/consent/purposes";
import type { AuditActor, AuditStream } from "./audit";
import { ANCHOR, cuidOf, DAY, Rng, SPAN_DAYS, START, uuidOf } from "./rng";
import { Batch, type Sink } from "./sink";

export const PURPOSE_KEYS = ["marketing_email", "marketing_sms", "analytics", "personalisation", "ad_sharing", "research", "product_updates", "partner_offers"] as const;
const SALE = "ad_sharing";
/** The second notice version of every other purpose is published half-way through. */
const V2_AT = START + Math.floor(SPAN_DAYS / 2) * DAY;
const BATCH = 100;
const SOURCES: [ConsentSource, number][] = [["banner", 55], ["form", 20], ["api", 20], ["import", 5]];
const JURISDICTIONS: [string | null, number][] = [["DE", 20], ["FR", 12], ["GB", 10], ["NL", 6], ["US-CA", 18], ["US-NY", 6], ["US-TX", 6], [null, 22]];
const AGENTS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 Safari/605.1.15", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) Mobile/15E148", "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"];

export const subjectIdentifier = (k: number) => `subject-${k}@example.com`;
const hasV2 = (p: number) => p % 2 === 0;

export async function seedPurposes(sink: Sink, audit: AuditStream, officer: AuditActor) {
  const ids = PURPOSE_KEYS.map((k) => cuidOf(`purpose:${k}`));
  const created = new Date(START);
  await sink.insert(
    "ConsentPurpose",
    ["id", "key", "title", "description", "lawfulBasis", "saleOrShare", "evidenceRetentionDays", "createdAt", "updatedAt"],
    PURPOSE_KEYS.map((k, i) => [ids[i]!, k, k.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase()), `Standard dataset purpose ${k}`, "consent", k === SALE, null, created, created]),
  );
  const notices = PURPOSE_KEYS.flatMap((k, i) => {
    const rows: [string, string, number, string, Date][] = [[cuidOf(`notice:${k}:1`), ids[i]!, 1, `Notice for ${k}, version 1`, new Date(START)]];
    if (hasV2(i)) rows.push([cuidOf(`notice:${k}:2`), ids[i]!, 2, `Notice for ${k}, version 2`, new Date(V2_AT)]);
    return rows;
  });
  await sink.insert("ConsentNoticeVersion", ["id", "purposeId", "version", "text", "textSha256", "publishedAt"], notices.map(([id, p, v, text, at]) => [id, p, v, text, sha256Hex(text), at]));
  PURPOSE_KEYS.forEach((k, i) => audit.add(START + i, officer, "consent.purpose.create", "ConsentPurpose", ids[i]!, { key: k, title: k, lawfulBasis: "consent", saleOrShare: k === SALE, evidenceRetentionDays: null, noticeSha256: sha256Hex(`Notice for ${k}, version 1`) }));
  return ids;
}

/** Which subject each event belongs to: every subject at least once, the rest at random, shuffled. */
function subjectOrder(events: number, subjects: number, rng: Rng): Int32Array {
  const order = new Int32Array(events);
  for (let i = 0; i < events; i++) order[i] = i < subjects ? i : rng.int(subjects);
  for (let i = events - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

function nextAction(status: number, sale: boolean, rng: Rng): ConsentAction {
  // status: 0 none, 1 granted, 2 withdrawn / opted out
  if (sale) return status === 1 ? "opt_out" : status === 2 ? "opt_in" : rng.chance(0.6) ? "opt_in" : "opt_out";
  return status === 1 ? (rng.chance(0.7) ? "withdraw" : "grant") : "grant";
}

export async function seedLedger(sink: Sink, audit: AuditStream, ingestKey: AuditActor, purposeIds: string[], counts: { events: number; subjects: number }) {
  const rng = new Rng("consent");
  const P = PURPOSE_KEYS.length;
  const purposeWeights = PURPOSE_KEYS.map((_, p) => [p, [20, 8, 22, 14, 14, 6, 10, 6][p]!] as const);
  const S = Math.min(counts.subjects, counts.events);
  const E = counts.events;
  const order = subjectOrder(E, S, rng);
  const subjectIds: string[] = new Array(S);
  const gpcAt = new Float64Array(S);
  const lastId: (string | undefined)[] = new Array(S * P);
  const status = new Uint8Array(S * P);
  const state = { occ: new Float64Array(S * P).fill(-1), id: new Array<string>(S * P), status: new Array<string>(S * P), gpc: new Uint8Array(S * P), notice: new Int8Array(S * P) };
  const subjects = new Batch(sink, "ConsentSubject", ["id", "lookup", "identifier", "createdAt", "lastGpcAt"]);
  const events = new Batch(sink, "ConsentEvent", ["id", "subjectId", "purposeId", "action", "occurredAt", "receivedAt", "noticeVersion", "source", "jurisdiction", "gpc", "batchId", "prevEventId"]);
  const evidence = new Batch(sink, "ConsentEvidence", ["eventId", "purposeId", "receivedAt", "userAgent", "ipHash"]);
  const pendingSubjects: { k: number; created: Date }[] = [];
  const ipHash = ipHasher((ip) => lookupHash(ip, IP_CONTEXT));
  const batches = Math.ceil(E / BATCH);
  const span = ANCHOR - START - DAY;

  for (let b = 0; b < batches; b++) {
    const received = new Date(START + Math.floor(((b + 0.5) / batches) * span));
    const batchId = uuidOf(`consent-batch:${b}`);
    const time = received.getTime().toString(16).padStart(12, "0");
    const suffix = rng.hex(8);
    const keys = new Set<string>();
    const first = b * BATCH;
    const n = Math.min(BATCH, E - first);
    for (let pos = 0; pos < n; pos++) {
      const k = order[first + pos]!;
      if (subjectIds[k] === undefined) {
        subjectIds[k] = uuidOf(`consent-subject:${k}`);
        pendingSubjects.push({ k, created: received });
      }
      const p = rng.weighted(purposeWeights);
      const pair = k * P + p;
      const action = nextAction(status[pair]!, PURPOSE_KEYS[p] === SALE, rng);
      status[pair] = ACTION_STATUS[action] === "granted" ? 1 : 2;
      const id = `${time}${pos.toString(16).padStart(4, "0")}${suffix}`;
      const occurred = received.getTime() - rng.int(120_000);
      const gpc = action === "opt_out" && rng.chance(0.3);
      const notice = hasV2(p) && occurred >= V2_AT ? 2 : 1;
      const source = rng.weighted(SOURCES);
      await events.add([id, subjectIds[k]!, purposeIds[p]!, action, new Date(occurred), received, notice, source, rng.weighted(JURISDICTIONS), gpc, batchId, lastId[pair] ?? null]);
      if (source === "banner" || source === "form") await evidence.add([id, purposeIds[p]!, received, rng.pick(AGENTS), ipHash(`100.${64 + rng.int(4)}.${rng.int(256)}.${rng.int(32)}`)]);
      lastId[pair] = id;
      if (occurred >= state.occ[pair]!) {
        state.occ[pair] = occurred;
        state.id[pair] = id;
        state.status[pair] = ACTION_STATUS[action];
        state.gpc[pair] = gpc ? 1 : 0;
        state.notice[pair] = notice;
      }
      if (gpc && occurred > gpcAt[k]!) gpcAt[k] = occurred;
      keys.add(PURPOSE_KEYS[p]!);
    }
    audit.add(received.getTime(), ingestKey, "consent.events.ingest", "ConsentBatch", batchId, { events: n, gpcOptOuts: 0, purposes: [...keys].sort(), gpcHeader: false });
  }
  await events.flush();
  await evidence.flush();
  // Subjects last: their lastGpcAt is the latest signal over the whole history.
  for (const { k, created } of pendingSubjects) {
    const identifier = subjectIdentifier(k);
    await subjects.add([subjectIds[k]!, lookupHash(identifier, SUBJECT_CONTEXT), encrypt(identifier, SUBJECT_CONTEXT), created, gpcAt[k]! > 0 ? new Date(gpcAt[k]!) : null]);
  }
  await subjects.flush();
  const states = new Batch(sink, "ConsentState", ["subjectId", "purposeId", "status", "updatedAt", "gpc", "noticeVersion", "eventId", "lastEventId"]);
  for (let pair = 0; pair < S * P; pair++) {
    if (state.occ[pair]! < 0) continue;
    const k = Math.floor(pair / P);
    await states.add([subjectIds[k]!, purposeIds[pair % P]!, state.status[pair]!, new Date(state.occ[pair]!), state.gpc[pair] === 1, state.notice[pair]!, state.id[pair]!, lastId[pair]!]);
  }
  await states.flush();
  return { subjects: subjects.written, events: events.written, evidence: evidence.written, states: states.written };
}
