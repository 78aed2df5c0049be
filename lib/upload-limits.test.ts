import { describe, expect, it } from "vitest";
import { EVIDENCE_MAX_BYTES, EVIDENCE_MAX_FILES, evidenceSelectionProblem, SERVER_ACTION_BODY_LIMIT_BYTES } from "./upload-limits";

describe("upload limits", () => {
  it("the server actions' body limit holds the most files the form allows, each at its maximum", () => {
    expect(SERVER_ACTION_BODY_LIMIT_BYTES).toBeGreaterThan(EVIDENCE_MAX_FILES * EVIDENCE_MAX_BYTES);
  });
  it("names what is wrong with a selection before it is sent", () => {
    expect(evidenceSelectionProblem([{ name: "a.pdf", size: 600 * 1024 }, { name: "b.pdf", size: 600 * 1024 }])).toBeNull();
    expect(evidenceSelectionProblem([{ name: "big.pdf", size: EVIDENCE_MAX_BYTES + 1 }])).toMatch(/big.pdf is larger than 10 MB/);
    expect(evidenceSelectionProblem(Array.from({ length: 6 }, (_, i) => ({ name: `${i}`, size: 1 })))).toMatch(/at most 5 files/);
  });
});
