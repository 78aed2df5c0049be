import { describe, expect, it } from "vitest";
import { addressProblem, callbackUrlProblem, isAllowedHost, parseAllowedHosts, parseHost, parseIpv4, parseIpv6 } from "@/lib/net/ssrf";

describe("parseIpv4 (inet_aton forms)", () => {
  it.each([
    ["127.0.0.1", [127, 0, 0, 1]],
    ["127.1", [127, 0, 0, 1]],
    ["127.0.1", [127, 0, 0, 1]],
    ["2130706433", [127, 0, 0, 1]],
    ["0x7f000001", [127, 0, 0, 1]],
    ["0x7f.0.0.1", [127, 0, 0, 1]],
    ["0177.0.0.1", [127, 0, 0, 1]],
    ["017700000001", [127, 0, 0, 1]],
    ["0", [0, 0, 0, 0]],
    ["0x", [0, 0, 0, 0]],
    ["10.0x10.0.1", [10, 16, 0, 1]],
    ["169.254.43518", [169, 254, 169, 254]],
    ["8.8.8.8.", [8, 8, 8, 8]],
  ])("%s -> %j", (text, bytes) => {
    expect(parseIpv4(text)).toEqual(bytes);
  });
  it.each(["256.0.0.1", "1.2.3.4.5", "4294967296", "1.2.3.256", "08.0.0.1", "1..2", "a.b.c.d", "", "1.2.3.0x100", "example.com"])("refuses %j", (text) => {
    expect(parseIpv4(text)).toBeNull();
  });
});

describe("parseIpv6", () => {
  it.each([
    ["::1", [0, 0, 0, 0, 0, 0, 0, 1]],
    ["[::1]", [0, 0, 0, 0, 0, 0, 0, 1]],
    ["::", [0, 0, 0, 0, 0, 0, 0, 0]],
    ["::ffff:127.0.0.1", [0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]],
    ["[::ffff:7f00:1]", [0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]],
    ["fe80::1%eth0", [0xfe80, 0, 0, 0, 0, 0, 0, 1]],
    ["2001:db8:0:0:0:0:0:1", [0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]],
    ["64:ff9b::10.0.0.1", [0x64, 0xff9b, 0, 0, 0, 0, 0x0a00, 1]],
  ])("%s", (text, words) => {
    expect(parseIpv6(text)).toEqual(words);
  });
  it.each(["1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "::ffff:1.2.3", "::ffff:1.2.3.999", "g::1", "1:2:3:4:5:6:7", "127.0.0.1"])("refuses %j", (text) => {
    expect(parseIpv6(text)).toBeNull();
  });
});

describe("addressProblem", () => {
  it.each([
    "127.0.0.1", "127.1", "2130706433", "0x7f.1", "0177.0.0.1", "127.255.255.254",
    "0.0.0.0", "0", "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255", "192.168.1.1",
    "100.64.0.1", "100.127.255.255", "100.100.100.200", "169.254.169.254", "169.254.1.1",
    "192.0.0.8", "192.0.2.1", "198.18.0.1", "198.51.100.1", "203.0.113.1", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
    "::", "::1", "[::1]", "::ffff:127.0.0.1", "[::ffff:127.0.0.1]", "::ffff:7f00:1", "::ffff:10.0.0.1", "::ffff:8.8.8.8", "::127.0.0.1",
    "64:ff9b::127.0.0.1", "64:ff9b::8.8.8.8", "2002:7f00:1::", "2002:0808:0808::", "2001:0:4136:e378::1", "2001:db8::1",
    "fc00::1", "fd00:ec2::254", "fe80::1", "fe80::1%25eth0", "febf::1", "fec0::1", "ff02::1", "100::1",
  ])("refuses %s", (address) => {
    expect(addressProblem(address)).not.toBeNull();
  });
  it.each(["8.8.8.8", "1.1.1.1", "93.184.215.14", "172.32.0.1", "172.15.255.255", "100.128.0.1", "192.169.0.1", "11.0.0.1", "2606:4700:4700::1111", "2a00:1450:4001::200e"])("allows the public address %s", (address) => {
    expect(addressProblem(address)).toBeNull();
  });
  it("names the range in its answer", () => {
    expect(addressProblem("169.254.169.254")).toMatch(/metadata/);
    expect(addressProblem("2130706433")).toMatch(/loopback/);
    expect(addressProblem("example.org")).toBe("not an IP address");
  });
});

describe("parseHost", () => {
  it("tells names from literals", () => {
    expect(parseHost("Example.ORG.")).toEqual({ kind: "name", name: "example.org" });
    expect(parseHost("127.1").kind).toBe("ipv4");
    expect(parseHost("[::1]").kind).toBe("ipv6");
  });
});

describe("callbackUrlProblem (submission)", () => {
  const none: string[] = [];
  it.each([
    "http://127.0.0.1:5432/",
    "https://127.0.0.1:5432/",
    "https://169.254.169.254/latest/meta-data",
    "https://10.1.2.3/hook",
    "https://127.1/",
    "https://2130706433/",
    "https://0x7f000001/",
    "https://0177.0.0.1/",
    "https://[::1]/",
    "https://[::ffff:127.0.0.1]/",
    "https://[::ffff:7f00:1]/",
    "https://0.0.0.0/",
    "https://[::]/",
    "https://100.64.0.1/",
    "https://[fe80::1]/",
    "https://224.0.0.1/",
    "https://localhost/hook",
    "https://api.localhost/hook",
    "http://receiver.example.org/hook",
    "https://user:pw@receiver.example.org/hook",
    "ftp://receiver.example.org/",
    "not a url",
  ])("refuses %s", (url) => {
    expect(callbackUrlProblem(url, none)).not.toBeNull();
  });
  it("allows public https receivers", () => {
    expect(callbackUrlProblem("https://receiver.example.org/hook", none)).toBeNull();
    expect(callbackUrlProblem("https://8.8.8.8/hook", none)).toBeNull();
  });
  it("allows hosts on the allow list, with plain http too", () => {
    const allowed = parseAllowedHosts(" Hooks.Internal , 127.0.0.1,[::1]");
    expect(allowed).toEqual(["hooks.internal", "127.0.0.1", "::1"]);
    expect(callbackUrlProblem("http://hooks.internal:8080/cb", allowed)).toBeNull();
    expect(callbackUrlProblem("http://127.0.0.1:9/cb", allowed)).toBeNull();
    expect(callbackUrlProblem("http://[::1]:9/cb", allowed)).toBeNull();
    // The URL parser normalises 127.1 to 127.0.0.1 (on the list); 127.0.0.2 is not.
    expect(callbackUrlProblem("http://127.1:9/cb", allowed)).toBeNull();
    expect(callbackUrlProblem("http://127.0.0.2:9/cb", allowed)).not.toBeNull();
    expect(isAllowedHost("HOOKS.internal.", allowed)).toBe(true);
    expect(callbackUrlProblem("https://user@hooks.internal/", allowed)).not.toBeNull();
  });
});
