// A signed-in session as a browser gets one: next-auth's CSRF token and cookie, then the
// credentials callback (the login form's request), keeping the cookies it sets. The
// benchmark's page requests then carry that session cookie, so they pay for the session
// check and the permission reads a real page view does.

const cookieJar = (res: Response, jar: Map<string, string>) => {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const eq = pair!.indexOf("=");
    jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
  }
};
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Signs in at `base` and returns the Cookie header for the session; throws with the server's reason. */
export async function signIn(base: string, email: string, password: string, code = ""): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  cookieJar(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    // The proxy refuses state-changing requests whose Origin is not the server's own.
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base, cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, code, json: "true", callbackUrl: `${base}/` }).toString(),
  });
  cookieJar(res, jar);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) {
    const body = await res.text().catch(() => "");
    throw new Error(`signing in as ${email} failed (${res.status}): ${body.slice(0, 300)}`);
  }
  return cookieHeader(jar);
}
