// The part of autocannon's API the benchmark's load generator uses (the package ships no types).
declare module "autocannon" {
  import type { EventEmitter } from "node:events";
  type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string; setupRequest?: (req: Record<string, unknown>) => Record<string, unknown> };
  type Options = { url: string; connections?: number; duration?: number; requests?: Request[] };
  type Result = { errors: number; timeouts: number; non2xx: number; requests: { total: number } };
  type Instance = EventEmitter & PromiseLike<Result>;
  export default function autocannon(opts: Options): Instance;
}
