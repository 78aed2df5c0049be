// Why an SSO sign-in was refused, from the ?error= code the server put on the redirect.
// Unknown codes get a generic sentence: the query string is not trusted as text.
const MESSAGES: Record<string, string> = {
  SSO_NO_ROLE: "Your account at the identity provider is in no group that has access here. Ask your administrator to add you to a mapped group.",
  SSO_UNKNOWN_USER: "There is no account here for this identity. Ask an admin to create or provision your account first.",
  SSO_EMAIL_UNVERIFIED: "The identity provider did not confirm your email address, so it cannot be linked to an account.",
  SSO_DISABLED: "This account is disabled. Ask an admin to enable it.",
  SSO_MFA_REQUIRED: "Your role requires multi-factor authentication, the identity provider did not confirm a second factor, and you have no authenticator app set up here. Sign in with a second factor at the identity provider, or sign in with your password and set up an authenticator app under Your account.",
  SSO_ALREADY_LINKED: "This account is already linked to another identity at your identity provider. Ask an admin to check the account.",
  SSO_BAD_CLAIMS: "The identity provider did not send an identifier and an email address.",
  OAuthSignin: "Single sign-on could not start. Try again, or sign in with your password.",
  OAuthCallback: "Single sign-on did not complete. Try again, or sign in with your password.",
  AccessDenied: "Single sign-on was refused.",
};

export function SsoError({ code }: { code: string | undefined }) {
  if (!code || !(code.startsWith("SSO_") || code.startsWith("OAuth") || code === "AccessDenied")) return null;
  const message = MESSAGES[code] ?? "Single sign-on failed. Try again, or sign in with your password.";
  return (
    <p role="alert" data-testid="sso-error" className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
      {message}
    </p>
  );
}
