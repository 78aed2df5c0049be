// Runs once when the server starts: validate the environment so a missing or malformed
// variable stops the server with a message naming it, instead of failing on first use.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("@/lib/env");
    env();
  }
}
