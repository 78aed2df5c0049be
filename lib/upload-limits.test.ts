import { describe, expect, it } from "vitest";
import { IMPORT_MAX_BYTES_FOR_ACTIONS, EVIDENCE_MAX_BYTES, evidenceSelectionProblem, SERVER_ACTION_BODY_LIMIT_BYTES } from "./upload-limits";

describe("upload limits", () => {
  it("evidence files take at least 25 MB each (they are streamed, not sent through a server action)", () => {
    expect(EVIDENCE_MAX_BYTES).toBeGreaterThanOrEqual(25 * 1024 * 1024);
  });
  it("the server actions' body limit holds the largest import the import page allows", () => {
    expect(SERVER_ACTION_BODY_LIMIT_BYTES).toBeGreaterThan(IMPORT_MAX_BYTES_FOR_ACTIONS);
  });
  it("names what is wrong with a selection before it is sent", () => {
    expect(evidenceSelectionProblem([{ name: "a.pdf", size: 600 * 1024 }, { name: "b.pdf", size: 20 * 1024 * 1024 }])).toBeNull();
    expect(evidenceSelectionProblem([{ name: "big.pdf", size: EVIDENCE_MAX_BYTES + 1 }])).toMatch(/big.pdf is larger than 25 MB/);
    expect(evidenceSelectionProblem(Array.from({ length: 6 }, (_, i) => ({ name: `${i}`, size: 1 })))).toMatch(/at most 5 files/);
  });
});
