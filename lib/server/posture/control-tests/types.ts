import "server-only";
import type { Area, FailingRecord, TestStatus } from "@/lib/posture/types";
import type { Actor } from "@/lib/server/actor";

export type ControlTestResult = { status: TestStatus; failing: FailingRecord[]; detail: string };

/**
 * An automated control test: reads the records and says whether the control holds,
 * naming every failing record. One file per provider in this folder, listed once in
 * registry.ts. `run` receives the actor the runner acts as (a system actor: the test is
 * the system checking itself; who may trigger a run is checked by the runner).
 */
export type ControlTestProvider = {
  controlId: string;
  area: Area;
  /** One line shown on the control page: what the test checks. */
  checks: string;
  run(actor: Actor): Promise<ControlTestResult>;
};

/** Builds a result from a list of failing records: empty list = pass. */
export function fromFindings(failing: FailingRecord[], okDetail: string, failDetail: (n: number) => string, nothingToCheck = false): ControlTestResult {
  if (nothingToCheck) return { status: "not_applicable", failing: [], detail: okDetail };
  return failing.length ? { status: "fail", failing, detail: failDetail(failing.length) } : { status: "pass", failing: [], detail: okDetail };
}
