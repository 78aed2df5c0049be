import "server-only";
// The AAD context of webhook signing secrets (lib/crypto/field-encryption.ts): a
// ciphertext from another column does not decrypt as one.
export const WEBHOOK_SECRET_CONTEXT = "webhooks.endpoint-secret";
