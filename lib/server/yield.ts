import "server-only";
// On SQLite every Prisma query runs synchronously in better-sqlite3 and its promise settles
// in a microtask, so an `await` on one never lets timers or sockets run: a loop of queries
// is one block of the event loop however many awaits it has. At 1M audit events the daily
// control tests' full verification held the server's thread for 45 s in one such loop and
// no request was answered meanwhile (bench/server-history.md, 4 Dec). Long background
// loops call this between pages so requests are served in between.

/** Resolves on the next turn of the event loop, after pending I/O callbacks and timers. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
