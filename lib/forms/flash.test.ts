import { describe, expect, it } from "vitest";
import { encodeFlash, FLASH_COOKIE, readFlash } from "./flash";

describe("flash cookie", () => {
  it("round-trips a message with spaces, commas and semicolons", () => {
    const msg = "Saved; next review due 3 Dec 2026, 14:05 CET.";
    expect(readFlash(`theme=dark; ${FLASH_COOKIE}=${encodeFlash(msg)}; other=1`)).toBe(msg);
  });
  it("shortens long messages and folds whitespace", () => {
    const v = decodeURIComponent(encodeFlash(`a  b\n${"x".repeat(400)}`));
    expect(v.startsWith("a b x")).toBe(true);
    expect(v.length).toBe(300);
    expect(v.endsWith("…")).toBe(true);
  });
  it("is null when absent, empty or malformed", () => {
    expect(readFlash("theme=dark")).toBeNull();
    expect(readFlash(`${FLASH_COOKIE}=`)).toBeNull();
    expect(readFlash(`${FLASH_COOKIE}=%E0%A4%A`)).toBeNull();
    expect(readFlash("")).toBeNull();
  });
  it("does not match a cookie whose name only ends in flash", () => {
    expect(readFlash("noflash=hi")).toBeNull();
  });
});
