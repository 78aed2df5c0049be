// Security-sensitive: which network addresses the server may be told to call (outcome
// callbacks today, webhooks later). Pure: no DNS, no I/O. The callers resolve a name first
// and ask about EVERY address it resolves to, then connect to one they asked about (so a
// second, rebinding lookup never happens).
//
// Host literals are parsed the way resolvers parse them (inet_aton: `127.1`, `2130706433`,
// `0x7f.0.0.1`, `0177.0.0.1`), because getaddrinfo accepts those forms even where the URL
// parser would not have normalised them.

export type ParsedHost = { kind: "ipv4"; bytes: number[] } | { kind: "ipv6"; words: number[] } | { kind: "name"; name: string };

function parseIpv4Part(part: string): number | null {
  if (part === "") return null;
  if (/^0x[0-9a-f]*$/i.test(part)) return part.length === 2 ? 0 : parseInt(part.slice(2), 16);
  if (/^0[0-7]+$/.test(part)) return parseInt(part.slice(1), 8);
  if (/^(0|[1-9][0-9]*)$/.test(part)) return Number(part);
  return null;
}

/** IPv4 in any inet_aton form (1 to 4 parts, decimal/octal/hex), or null. */
export function parseIpv4(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length > 1 && parts[parts.length - 1] === "") parts.pop(); // a trailing dot
  if (parts.length < 1 || parts.length > 4) return null;
  const nums = parts.map(parseIpv4Part);
  if (nums.some((n) => n === null || !Number.isFinite(n))) return null;
  const values = nums as number[];
  const last = values[values.length - 1]!;
  const head = values.slice(0, -1);
  if (head.some((n) => n > 255) || last >= 256 ** (5 - values.length)) return null;
  let value = last;
  head.forEach((n, i) => (value += n * 256 ** (3 - i)));
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255];
}

/** IPv6 (with `::`, an embedded dotted IPv4 tail, brackets and a zone id), or null. */
export function parseIpv6(text: string): number[] | null {
  let t = text;
  if (t.startsWith("[") && t.endsWith("]")) t = t.slice(1, -1);
  const zone = t.indexOf("%");
  if (zone >= 0) t = t.slice(0, zone);
  if (!t.includes(":")) return null;
  // An embedded dotted IPv4 tail (::ffff:127.0.0.1) becomes its two hex groups.
  const lastColon = t.lastIndexOf(":");
  const dotted = t.slice(lastColon + 1);
  if (dotted.includes(".")) {
    const v4 = /^\d{1,3}(\.\d{1,3}){3}$/.test(dotted) ? parseIpv4(dotted.replace(/(^|\.)0+(\d)/g, "$1$2")) : null;
    if (!v4) return null;
    t = `${t.slice(0, lastColon + 1)}${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  const halves = t.split("::");
  if (halves.length > 2) return null;
  const group = (s: string) => (s === "" ? [] : s.split(":"));
  const parse = (g: string[]) => g.map((x) => (/^[0-9a-f]{1,4}$/i.test(x) ? parseInt(x, 16) : NaN));
  const left = parse(group(halves[0]!));
  const right = halves.length === 2 ? parse(group(halves[1]!)) : [];
  if ([...left, ...right].some(Number.isNaN)) return null;
  const known = left.length + right.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return null;
  return [...left, ...Array<number>(8 - known).fill(0), ...right];
}

export function parseHost(host: string): ParsedHost {
  const h = host.trim().toLowerCase();
  const v6 = parseIpv6(h);
  if (v6) return { kind: "ipv6", words: v6 };
  const v4 = parseIpv4(h);
  if (v4) return { kind: "ipv4", bytes: v4 };
  return { kind: "name", name: h.replace(/^\[|\]$/g, "").replace(/\.$/, "") };
}

// [first address, prefix length, what it is]
const V4_BLOCKED: [number[], number, string][] = [
  [[0, 0, 0, 0], 8, "an unspecified (0.0.0.0/8) address"],
  [[10, 0, 0, 0], 8, "a private (10.0.0.0/8) address"],
  [[100, 64, 0, 0], 10, "a carrier-grade NAT (100.64.0.0/10) address"],
  [[127, 0, 0, 0], 8, "a loopback (127.0.0.0/8) address"],
  [[169, 254, 169, 254], 32, "the cloud metadata address"],
  [[169, 254, 0, 0], 16, "a link-local (169.254.0.0/16) address"],
  [[172, 16, 0, 0], 12, "a private (172.16.0.0/12) address"],
  [[192, 0, 0, 0], 24, "an IETF protocol (192.0.0.0/24) address"],
  [[192, 0, 2, 0], 24, "a documentation (192.0.2.0/24) address"],
  [[192, 88, 99, 0], 24, "a 6to4 relay (192.88.99.0/24) address"],
  [[192, 168, 0, 0], 16, "a private (192.168.0.0/16) address"],
  [[198, 18, 0, 0], 15, "a benchmarking (198.18.0.0/15) address"],
  [[198, 51, 100, 0], 24, "a documentation (198.51.100.0/24) address"],
  [[203, 0, 113, 0], 24, "a documentation (203.0.113.0/24) address"],
  [[224, 0, 0, 0], 4, "a multicast (224.0.0.0/4) address"],
  [[240, 0, 0, 0], 4, "a reserved (240.0.0.0/4) or broadcast address"],
];

const v4Number = (b: number[]) => ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;

function ipv4Problem(bytes: number[]): string | null {
  const n = v4Number(bytes);
  for (const [start, len, what] of V4_BLOCKED) {
    const mask = len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
    if ((n & mask) >>> 0 === (v4Number(start) & mask) >>> 0) return what;
  }
  return null;
}

const embeddedV4 = (w: number[], at: number) => [w[at]! >> 8, w[at]! & 255, w[at + 1]! >> 8, w[at + 1]! & 255];

function ipv6Problem(w: number[]): string | null {
  const zeros = (from: number, to: number) => w.slice(from, to).every((x) => x === 0);
  if (zeros(0, 8)) return "the unspecified address (::)";
  if (zeros(0, 7) && w[7] === 1) return "the loopback address (::1)";
  // Forms that carry an IPv4 address: judged by that address, and refused outright when
  // the embedded one is fine too, since nothing legitimate sends a callback through them.
  if (zeros(0, 5) && w[5] === 0xffff) return ipv4Problem(embeddedV4(w, 6)) ?? "an IPv4-mapped address (use the IPv4 address)";
  if (zeros(0, 6)) return ipv4Problem(embeddedV4(w, 6)) ?? "an IPv4-compatible address (::/96)";
  if (w[0] === 0x64 && w[1] === 0xff9b && zeros(2, 6)) return ipv4Problem(embeddedV4(w, 6)) ?? "a NAT64 (64:ff9b::/96) address";
  if (w[0] === 0x2002) return ipv4Problem(embeddedV4(w, 1)) ?? "a 6to4 (2002::/16) address";
  if (w[0] === 0x2001 && w[1] === 0) return "a Teredo (2001::/32) address";
  if (w[0] === 0x2001 && w[1] === 0xdb8) return "a documentation (2001:db8::/32) address";
  if (w[0] === 0x100 && zeros(1, 4)) return "a discard (100::/64) address";
  if ((w[0]! & 0xfe00) === 0xfc00) return "a unique local (fc00::/7) address";
  if ((w[0]! & 0xffc0) === 0xfe80) return "a link-local (fe80::/10) address";
  if ((w[0]! & 0xffc0) === 0xfec0) return "a site-local (fec0::/10) address";
  if ((w[0]! & 0xff00) === 0xff00) return "a multicast (ff00::/8) address";
  return null;
}

/** Why an IP address must not be called, or null when it is a public unicast address. */
export function addressProblem(address: string): string | null {
  const p = parseHost(address);
  if (p.kind === "ipv4") return ipv4Problem(p.bytes);
  if (p.kind === "ipv6") return ipv6Problem(p.words);
  return "not an IP address";
}

/** Names that mean this machine whatever DNS says (RFC 6761). */
export function isLocalName(name: string): boolean {
  return name === "localhost" || name.endsWith(".localhost") || name === "localhost.localdomain";
}

/** Parses CALLBACK_ALLOWED_HOSTS: comma-separated host names (or literals), lower case. */
export function parseAllowedHosts(spec: string | undefined): string[] {
  return (spec ?? "").split(",").map((s) => s.trim().toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "")).filter(Boolean);
}

export function isAllowedHost(hostname: string, allowed: readonly string[]): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "");
  return allowed.includes(h);
}

/**
 * Why a callback URL is refused at submission, or null. Only what can be seen without
 * DNS: the scheme, credentials and a host that is an address literal or a local name.
 * A host on the allow list (named internal receivers, tests) may also use plain http.
 */
export function callbackUrlProblem(raw: string, allowed: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "must be an absolute http(s) URL";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must be an https URL";
  if (url.username || url.password) return "must not carry credentials";
  if (isAllowedHost(url.hostname, allowed)) return null;
  if (url.protocol !== "https:") return "must be https (plain http only for hosts in CALLBACK_ALLOWED_HOSTS)";
  const host = parseHost(url.hostname);
  if (host.kind === "name") return isLocalName(host.name) ? "must not point to this server (localhost)" : null;
  const problem = addressProblem(url.hostname);
  return problem ? `must not point to ${problem}; only public addresses are called (an operator can allow named internal hosts with CALLBACK_ALLOWED_HOSTS)` : null;
}
