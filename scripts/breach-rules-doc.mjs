// Writes docs/breach-rules.md from the rule catalogue (npm run breach-rules:doc); with --check,
// exits 1 when the checked-in file differs (for CI). Run with tsx: node --import tsx ...
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderBreachRulesDoc } from "../lib/breaches/rules-doc.ts";

const target = fileURLToPath(new URL("../docs/breach-rules.md", import.meta.url));
const text = renderBreachRulesDoc();
if (process.argv.includes("--check")) {
  let current = "";
  try { current = readFileSync(target, "utf8"); } catch { /* missing counts as stale */ }
  if (current !== text) {
    console.error("docs/breach-rules.md is out of date: run npm run breach-rules:doc");
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
