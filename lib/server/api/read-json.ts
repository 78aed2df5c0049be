import "server-only";
// One JSON body reader for every /api/v1 route (size, depth and text checks): see lib/api/read-json.ts.
export { readJson } from "@/lib/api/read-json";
