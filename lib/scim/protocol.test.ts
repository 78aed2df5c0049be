import { describe, expect, it } from "vitest";
import { parseEqFilter, parsePaging, patchMemberIds, ScimError, scimErrorBody } from "@/lib/scim/protocol";

describe("SCIM filter", () => {
  it("parses attr eq \"value\" case-insensitively on the attribute and operator", () => {
    expect(parseEqFilter('userName eq "ada@example.org"', ["userName"])).toEqual({ attribute: "userName", value: "ada@example.org" });
    expect(parseEqFilter('USERNAME EQ "a\\"b"', ["userName"])).toEqual({ attribute: "userName", value: 'a"b' });
    expect(parseEqFilter(null, ["userName"])).toBeNull();
  });
  it.each(['userName sw "a"', 'userName eq "a" or userName eq "b"', "userName eq a", 'emails eq "x"'])("refuses %s with invalidFilter", (f) => {
    expect(() => parseEqFilter(f, ["userName"])).toThrow(expect.objectContaining({ status: 400, scimType: "invalidFilter" }));
  });
});

describe("SCIM paging", () => {
  it("clamps startIndex to 1 and count to 0..200, refuses non-integers", () => {
    expect(parsePaging(new URLSearchParams(""))).toEqual({ startIndex: 1, count: 100 });
    expect(parsePaging(new URLSearchParams("startIndex=0&count=5000"))).toEqual({ startIndex: 1, count: 200 });
    expect(() => parsePaging(new URLSearchParams("count=abc"))).toThrow(ScimError);
  });
});

describe("PATCH members", () => {
  it("reads members from a value filter path, a list or an object", () => {
    expect(patchMemberIds({ op: "remove", path: 'members[value eq "u1"]' })).toEqual(["u1"]);
    expect(patchMemberIds({ op: "add", path: "members", value: [{ value: "u1" }, { value: "u2" }] })).toEqual(["u1", "u2"]);
    expect(patchMemberIds({ op: "add", value: { members: [{ value: "u3" }] } })).toEqual(["u3"]);
    expect(() => patchMemberIds({ op: "add", path: "members", value: [{ nope: 1 }] })).toThrow(expect.objectContaining({ scimType: "invalidValue" }));
  });
});

it("error bodies follow RFC 7644 §3.12", () => {
  expect(scimErrorBody(new ScimError(409, "taken", "uniqueness"))).toEqual({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "409", scimType: "uniqueness", detail: "taken" });
});
