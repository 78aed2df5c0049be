import { describe, expect, it } from "vitest";
import { FLASH_COOKIE, flashText, readFlash } from "./flash";

// As Next sets it: the value URI-encoded once.
const cookie = (message: string) => `${FLASH_COOKIE}=${encodeURIComponent(flashText(message))}`;

describe("flash cookie", () => {
  it("round-trips a message with spaces, commas and semicolons", () => {
    const msg = "Saved; next review due 3 Dec 2026, 14:05 CET.";
    expect(readFlash(`theme=dark; ${cookie(msg)}; other=1`)).toBe(msg);
  });
  it("shortens long messages and folds whitespace", () => {
    const v = flashText(`a  b\n${"x".repeat(400)}`);
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
