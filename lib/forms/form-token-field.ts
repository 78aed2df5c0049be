// The hidden field a create form's one-time token travels in (lib/server/forms/form-token.ts).
// Shared by the client forms and the server actions, so neither spells it on its own.
export const FORM_TOKEN_FIELD = "formToken";
