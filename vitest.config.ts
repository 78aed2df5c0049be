import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));
// "server-only" throws outside a React Server Components bundle; tests import lib/server
// directly, so it resolves to an empty module here (the guard still holds in Next).
const alias = { "@/": root, "server-only": `${root}tests/support/empty.ts` };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "tests/*.test.ts"],
          exclude: ["lib/server/**", "node_modules/**"],
          environment: "node",
          // The Merkle proof tests check every tree up to 40-70 leaves exhaustively: a second
          // or two on a quiet machine, past vitest's 5 s default when the machine is loaded.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "db",
          include: ["lib/server/**/*.test.ts", "tests/db/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/db-global-setup.ts"],
          setupFiles: ["tests/support/db-setup.ts"],
          // One database per dialect per run; files share it, so run them one at a time.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
