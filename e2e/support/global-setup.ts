// Nothing to do before the server: the data folder is wiped by scripts/test.mjs before
// Playwright starts the server, so every run begins from a fresh seed. The test OpenID
// Provider is not started here: it is a webServer entry, and Playwright starts those in
// order, so it comes first in playwright.config.ts and is up before the app starts.
export default async function globalSetup() {}
