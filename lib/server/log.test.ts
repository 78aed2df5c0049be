import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { REDACT_PATHS } from "@/lib/server/log";

describe("log redaction", () => {
  it("hides personal data and credentials at the top level and one level down", () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString()), done()) });
    const logger = pino({ redact: { paths: REDACT_PATHS, censor: "[redacted]" } }, sink);
    logger.info({ email: "a@b.test", job: "x", user: { email: "c@d.test", id: "u1" }, req: { headers: { authorization: "Bearer k", cookie: "s=1" } }, ip: "10.0.0.1", token: "t" }, "hello");
    const out = lines.join("");
    for (const secret of ["a@b.test", "c@d.test", "Bearer k", "s=1", "10.0.0.1", '"t"']) expect(out).not.toContain(secret);
    expect(JSON.parse(out)).toMatchObject({ job: "x", user: { id: "u1" }, msg: "hello" });
  });
});
