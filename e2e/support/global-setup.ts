// Nothing to do before the server: the data folder is wiped by scripts/test.mjs before
// Playwright starts the server, so every run begins from a fresh seed.
export default async function globalSetup() {}
