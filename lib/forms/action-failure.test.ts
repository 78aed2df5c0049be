import { describe, expect, it } from "vitest";
import { actionTooLargeMessage } from "@/lib/security/action-body-limit";
import { failureMessage, withReadableFailure } from "./action-failure";

describe("a server action call that fails before the action answers", () => {
  it("shows the proxy's 413 text as the form's refusal", async () => {
    const send = withReadableFailure(async () => {
      throw new Error(actionTooLargeMessage(3 * 1024 * 1024));
    });
    expect(await send(null, new FormData())).toEqual({ ok: false, message: actionTooLargeMessage(3 * 1024 * 1024) });
  });

  it("words a redacted server error with its reference, and an empty answer as a connection problem", () => {
    expect(failureMessage(Object.assign(new Error("An error occurred in the Server Components render."), { digest: "3840824070" }))).toMatch(/reference 3840824070\). Nothing was saved/);
    expect(failureMessage(new Error("An unexpected response was received from the server."))).toMatch(/Check your connection/);
  });

  it("lets Next's redirect through to the router", async () => {
    const redirect = Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;push;/x;307;" });
    await expect(withReadableFailure(async () => { throw redirect; })(null, new FormData())).rejects.toBe(redirect);
  });
});
