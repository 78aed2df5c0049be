import { describe, expect, it, vi } from "vitest";
import { actionError } from "@/lib/action-result";
import { errorResponse } from "@/lib/api/respond";
import { AppError, conflictOnUnique, UNIQUE_CONFLICT_MESSAGE } from "@/lib/errors";

// What Prisma throws when a unique index refuses a row (PrismaClientKnownRequestError shape).
const uniqueViolation = Object.assign(new Error("Unique constraint failed on the fields: (`reference`)"), { code: "P2002", meta: { target: ["reference"] } });

describe("unique violations at the edge", () => {
  it("an API answer is 409 CONFLICT without the driver's message, never a 500", async () => {
    const res = errorResponse(uniqueViolation);
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: { code: "CONFLICT", message: UNIQUE_CONFLICT_MESSAGE } });
  });

  it("a form gets the same sentence", () => {
    expect(actionError(uniqueViolation)).toEqual({ ok: false, message: UNIQUE_CONFLICT_MESSAGE });
  });

  it("other unknown errors stay a logged 500", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(errorResponse(new Error("boom")).status).toBe(500);
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it("conflictOnUnique turns a unique violation into the given conflict and passes other errors on", async () => {
    const taken = () => new AppError("CONFLICT", "A purpose with the key x already exists.");
    await expect(conflictOnUnique(taken, () => Promise.reject(uniqueViolation))).rejects.toMatchObject({ code: "CONFLICT", message: "A purpose with the key x already exists." });
    await expect(conflictOnUnique(taken, () => Promise.reject(new Error("other")))).rejects.toThrow("other");
    expect(await conflictOnUnique(taken, async () => 7)).toBe(7);
  });
});

describe("a database that gave up on the work", () => {
  it("answers 503 with Retry-After and words, for a transaction timeout, a deadlock or a statement timeout", async () => {
    for (const e of [{ code: "P2028" }, { code: "P2034" }, { code: "P1008" }, Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" }), { code: "P2010", meta: { code: "40P01" } }]) {
      const res = errorResponse(e, undefined, () => {});
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("UNAVAILABLE");
      expect(body.error.message).toMatch(/Nothing was saved; try again/);
    }
  });

  it("still answers 500 for an error that is not the database giving up", () => {
    expect(errorResponse({ code: "P2003" }, undefined, () => {}).status).toBe(500);
  });
});

describe("a form whose transaction the database gave up on", () => {
  it("says it was too busy and nothing was saved, not that something went wrong", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const r = actionError({ code: "P2028", message: "Transaction API error: expired transaction" });
    spy.mockRestore();
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/too busy.*Nothing was saved/);
  });
});
