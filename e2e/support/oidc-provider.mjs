#!/usr/bin/env node
// A real OpenID Provider (the `oidc-provider` package) on loopback for the SSO journey.
// Playwright starts it before the app (playwright.config.ts webServer), so the app's
// discovery of OIDC_ISSUER works from its first request. The login page takes an account
// name only (no password): these are test identities, never real ones. Each account says
// which groups and which `amr` the ID token carries.
import { createServer } from "node:http";
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_E2E_PORT ?? 4100);
const issuer = `http://127.0.0.1:${port}`;
const redirectUri = process.env.OIDC_E2E_REDIRECT_URI ?? "http://localhost:3100/api/auth/callback/oidc";

export const ACCOUNTS = {
  "sso-officer@e2e.local": { name: "Sso Officer", groups: ["e2e-privacy"], amr: ["pwd", "mfa"] },
  "sso-reviewer@e2e.local": { name: "Sso Reviewer", groups: ["e2e-reviewers", "everyone"], amr: ["pwd"] },
  "sso-nogroup@e2e.local": { name: "Sso Nogroup", groups: ["everyone"], amr: ["pwd"] },
  // An officer whose IdP checks a password only: our TOTP is asked after SSO.
  "sso-stepup@e2e.local": { name: "Sso Stepup", groups: ["e2e-privacy"], amr: ["pwd"] },
};

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.OIDC_E2E_CLIENT_ID ?? "oversight-e2e",
      client_secret: process.env.OIDC_E2E_CLIENT_SECRET ?? "oversight-e2e-secret",
      redirect_uris: [redirectUri],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
  // Claims in the ID token itself, as the app reads them there (next-auth idToken: true).
  conformIdTokenClaims: false,
  cookies: { keys: ["e2e-only-cookie-key-not-a-secret"] },
  features: { devInteractions: { enabled: false } },
  async findAccount(_ctx, id) {
    const account = ACCOUNTS[id];
    if (!account) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, email: id, email_verified: true, name: account.name, groups: account.groups }) };
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
});

const page = (uid) => `<!doctype html><html><head><title>Test IdP sign-in</title></head><body>
<h1>Test identity provider</h1>
<form method="post" action="/interaction/${uid}/login">
<label for="login">Account</label> <input id="login" name="login" autofocus>
<button type="submit">Continue</button></form></body></html>`;

async function readForm(req) {
  let body = "";
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

// The consent step grants what was asked; the login step takes the account name and
// reports the account's amr, as a real IdP reports the factors it checked.
async function interaction(req, res) {
  const url = new URL(req.url, issuer);
  const m = /^\/interaction\/([^/]+)(\/login)?$/.exec(url.pathname);
  if (!m) return false;
  const details = await provider.interactionDetails(req, res);
  if (req.method === "POST" && m[2]) {
    const login = (await readForm(req)).get("login")?.trim() ?? "";
    if (!ACCOUNTS[login]) {
      res.writeHead(400, { "content-type": "text/html" }).end(page(m[1]).replace("<form", "<p role=alert>Unknown account</p><form"));
      return true;
    }
    await provider.interactionFinished(req, res, { login: { accountId: login, amr: ACCOUNTS[login].amr } }, { mergeWithLastSubmission: false });
    return true;
  }
  if (details.prompt.name === "consent") {
    const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
    if (details.prompt.details.missingOIDCScope) grant.addOIDCScope(details.prompt.details.missingOIDCScope.join(" "));
    if (details.prompt.details.missingOIDCClaims) grant.addOIDCClaims(details.prompt.details.missingOIDCClaims);
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    return true;
  }
  res.writeHead(200, { "content-type": "text/html" }).end(page(m[1]));
  return true;
}

const callback = provider.callback();
createServer(async (req, res) => {
  try {
    if (await interaction(req, res)) return;
  } catch (e) {
    res.writeHead(500).end(String(e));
    return;
  }
  callback(req, res);
}).listen(port, "127.0.0.1", () => console.log(`test OpenID Provider at ${issuer}`));
