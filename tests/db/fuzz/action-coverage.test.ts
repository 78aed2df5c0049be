// Every exported action of every "use server" file is fuzzed (tests/db/fuzz/action-specs.ts)
// and every action that creates records is raced (tests/db/races/action-races.ts): the list
// is read from the source, so a new action fails here until it has its entries.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { CREATING_ACTIONS } from "../races/action-races";
import { NO_INPUT, SPECS } from "./action-specs";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

const root = process.cwd();
const serverFiles = [...files(join(root, "app")), ...files(join(root, "lib"))].filter((f) => /^\s*["']use server["']/.test(readFileSync(f, "utf8")));

/** `path#name` of each exported async function in a "use server" file. */
const actions = serverFiles.flatMap((f) => [...readFileSync(f, "utf8").matchAll(/^export async function (\w+)/gm)].map((m) => `${relative(root, f)}#${m[1]}`));

/** The action's own source, up to the next export. */
function bodyOf(key: string): string {
  const [file, name] = key.split("#") as [string, string];
  const source = readFileSync(file, "utf8");
  return source.slice(source.indexOf(`export async function ${name}`)).split(/\nexport /)[0]!;
}

// An action creates when it calls a lib/server create: createX, createXOnce, mintX, importX,
// commitX, addX, publishX, takeX, mapX, or a review (each review is a new row).
const CREATES = /\b(?:(?:create|mint|import|commit|add|publish|take|map|review)[A-Z]\w*|markReviewed)\(/;

describe("server actions: fuzz and race coverage from the source", () => {
  it("finds the actions (the scan itself works)", () => {
    expect(actions.length).toBeGreaterThan(50);
  });

  it.each(actions)("%s has a fuzz entry", (key) => {
    expect(SPECS[key] ?? NO_INPUT[key], `${key} has no entry in tests/db/fuzz/action-specs.ts`).toBeDefined();
  });

  it("names no action that does not exist", () => {
    expect([...Object.keys(SPECS), ...Object.keys(NO_INPUT), ...Object.keys(CREATING_ACTIONS)].filter((k) => !actions.includes(k))).toEqual([]);
  });

  it.each(actions)("%s is raced if it creates", (key) => {
    const body = bodyOf(key).replace(/^export async function \w+/, "");
    if (CREATES.test(body)) expect(CREATING_ACTIONS[key], `${key} creates records but no race is named in tests/db/races/action-races.ts`).toBeDefined();
  });
});
