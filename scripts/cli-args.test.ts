import { describe, expect, it } from "vitest";
import { parseArgs } from "./cli-args";

describe("admin CLI argument parsing", () => {
  it("reads values, = forms and bare flags", () => {
    expect(parseArgs(["--name", "N", "--scopes=a,b", "--yes"])).toEqual({ name: "N", scopes: "a,b", yes: true });
  });
  it("refuses stray words", () => {
    expect(() => parseArgs(["oops"])).toThrow(/unexpected argument "oops"/);
  });
});
