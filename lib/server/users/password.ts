import "server-only";
// Security-sensitive: password hashing. argon2id with the library's defaults
// (m=19 MiB, t=2, p=1: the OWASP minimum for argon2id).
import { hash, verify } from "@node-rs/argon2";

export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// A fixed hash verified when the account does not exist, so a wrong email costs as much
// time as a wrong password and timing does not reveal which accounts exist.
let dummy: Promise<string> | undefined;

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    dummy ??= hash("not-a-real-password-just-for-timing");
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
