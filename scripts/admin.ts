// Operator CLI: `npm run admin -- <command> [--flag value ...]`.
// Acts as the "system:cli" actor; every change it makes is in the audit log.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadLocalEnv } from "./local-env.mjs";
import { parseArgs } from "./cli-args";
import { SCOPE_NAMES } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { SYSTEM_CLI } from "@/lib/server/actor";
import { AUDIT_HELP, auditCommand } from "./admin-audit";
import { sealBeforeExit } from "@/lib/server/audit/sealer";
import { importFramework } from "@/lib/server/posture/frameworks/oscal";
import { seedFrameworks } from "@/lib/server/posture/frameworks/seed";
import { seedControlCatalogue } from "@/lib/server/posture/seed-catalogue";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/server/api-keys/manage-api-keys";
import { backupPostgres, restorePostgres } from "@/lib/server/ops/backup-pg";
import { describeReport } from "@/lib/server/audit/verify-audit";
import { rotateFieldKeys } from "@/lib/server/crypto/rotate-field-keys";
import { backupSqlite, restoreSqlite } from "@/lib/server/ops/backup";
import { dialect, disconnectDb } from "@/lib/server/db";
import { mintScimToken, revokeScimToken } from "@/lib/server/scim/auth";
import { setSetting, SETTINGS, type SettingKey } from "@/lib/server/settings/settings";
import { createUser } from "@/lib/server/users/create-user";
import { findUserIdByEmail, setUserDisabled, resetUserMfa, unlockUser } from "@/lib/server/users/manage-user";

const HELP = `Usage: npm run admin -- <command> [options]

  user:create --email E --role R --password P [--name N]
        roles: admin, compliance_officer, reviewer, auditor
  user:disable --email E          end all their sessions and block sign-in
  user:enable --email E
  user:unlock --email E           clear a sign-in lockout
  user:reset-mfa --email E
  apikey:create --name N --scopes a,b [--user email] [--ai-system ID] [--expires-days D]
        prints the key alone on its last line (it is stored only hashed)
        --ai-system binds the key to one AI system (scopes decisions:read, decisions:write)
        scopes: ${SCOPE_NAMES.join(", ")}
  apikey:revoke --id ID
  scim-token:create --name N      a bearer token for the SCIM client (printed once, stored hashed)
  scim-token:revoke --id ID
${AUDIT_HELP}
  setting:set --key K --value JSON e.g. --key security.mfaRequired --value true
  backup --out FILE               a consistent online copy (SQLite: VACUUM INTO; PostgreSQL: pg_dump -Fc)
  restore --in FILE --yes         replace the database (refused while a server runs on it; SQLite:
                                  removes stale -wal/-shm; PostgreSQL: pg_restore in one transaction),
                                  then verify the audit log
  keys:rotate [--batch-size N]    re-encrypt every encrypted field with the first key of
                                  FIELD_ENCRYPTION_KEYS; resumable; then old keys may be removed
  framework:import FILE [--id ID] [--source FRAMEWORK_ID]
        an OSCAL 1.0.x/1.1.x catalog, an OSCAL profile (resolved against the imported catalog
        --source) or a catalogue JSON file (lib/posture/frameworks/catalogs/ format)
  framework:seed                  load the control catalogue, built-in frameworks, mappings and crosswalks (idempotent)
`;

function need(args: Record<string, string | true>, name: string): string {
  const v = args[name];
  if (typeof v !== "string" || !v) throw new Error(`--${name} is required`);
  return v;
}


async function main(argv: string[]): Promise<number> {
  const [command, ...all] = argv;
  // framework:import takes its FILE as the first positional argument.
  const file = command === "framework:import" && all[0] && !all[0].startsWith("--") ? all[0] : null;
  const rest = file ? all.slice(1) : all;
  const args = parseArgs(rest);
  switch (command) {
    case "user:create": {
      const u = await createUser(SYSTEM_CLI, { email: need(args, "email"), role: need(args, "role"), password: need(args, "password"), name: typeof args.name === "string" ? args.name : need(args, "email").split("@")[0] });
      console.log(`Created ${u.email} (${u.role}), id ${u.id}`);
      return 0;
    }
    case "user:disable":
    case "user:enable": {
      const id = await findUserIdByEmail(SYSTEM_CLI, need(args, "email"));
      const u = await setUserDisabled(SYSTEM_CLI, id, command === "user:disable");
      console.log(`${u.email} is ${u.disabled ? "disabled; their sessions were ended" : "enabled"}.`);
      return 0;
    }
    case "user:unlock": {
      const u = await unlockUser(SYSTEM_CLI, await findUserIdByEmail(SYSTEM_CLI, need(args, "email")));
      console.log(`${u.email} is unlocked.`);
      return 0;
    }
    case "user:reset-mfa": {
      const u = await resetUserMfa(SYSTEM_CLI, await findUserIdByEmail(SYSTEM_CLI, need(args, "email")));
      console.log(`MFA reset for ${u.email}.`);
      return 0;
    }
    case "apikey:create": {
      const scopes = need(args, "scopes").split(",").map((s) => s.trim()).filter(Boolean);
      const expires = typeof args["expires-days"] === "string" ? Number(args["expires-days"]) : undefined;
      const k = await createApiKey(SYSTEM_CLI, { name: need(args, "name"), scopes, ...(typeof args.user === "string" ? { userEmail: args.user } : {}), ...(typeof args["ai-system"] === "string" ? { aiSystemId: args["ai-system"] } : {}), ...(expires ? { expiresInDays: expires } : {}) });
      console.log(`Created API key "${k.name}" (id ${k.id}) with scopes ${k.scopes.join(", ")}${k.aiSystemId ? ` for AI system ${k.aiSystemId}` : ""}. Store it now; it cannot be shown again:`);
      console.log(k.key);
      return 0;
    }
    case "apikey:revoke": {
      await revokeApiKey(SYSTEM_CLI, need(args, "id"));
      console.log("Key revoked.");
      return 0;
    }
    case "scim-token:create": {
      const t = await mintScimToken(SYSTEM_CLI, need(args, "name"));
      console.log(`Created SCIM token "${t.name}" (id ${t.id}). Store it now; it cannot be shown again:`);
      console.log(t.token);
      return 0;
    }
    case "scim-token:revoke": {
      await revokeScimToken(SYSTEM_CLI, need(args, "id"));
      console.log("SCIM token revoked.");
      return 0;
    }
    case "setting:set": {
      const key = need(args, "key");
      if (!(key in SETTINGS)) throw new Error(`unknown setting "${key}"; known: ${Object.keys(SETTINGS).join(", ")}`);
      let value: unknown;
      try {
        value = JSON.parse(need(args, "value"));
      } catch {
        throw new Error("--value must be JSON, e.g. true or \"Europe/Berlin\"");
      }
      await setSetting(SYSTEM_CLI, key as SettingKey, value);
      console.log(`${key} = ${JSON.stringify(value)}`);
      return 0;
    }
    case "backup": {
      const out = dialect() === "postgresql" ? await backupPostgres(need(args, "out")) : await backupSqlite(need(args, "out"));
      console.log(`Backed up to ${out}. Keep data/secrets.json (or your key store) with it: encrypted fields need FIELD_ENCRYPTION_KEYS.`);
      return 0;
    }
    case "restore": {
      const from = typeof args.in === "string" ? args.in : need(args, "from");
      if (args.yes !== true) throw new Error("restore replaces the whole database: stop the app, then add --yes");
      const { report } = dialect() === "postgresql" ? await restorePostgres(from) : await restoreSqlite(from);
      console.log(`Restored from ${resolve(from)}.\n${describeReport(report)}`);
      return report.ok ? 0 : 1;
    }
    case "keys:rotate": {
      const batchSize = typeof args["batch-size"] === "string" ? Number(args["batch-size"]) : undefined;
      const r = await rotateFieldKeys(SYSTEM_CLI, { ...(batchSize ? { batchSize } : {}), onBatch: (p) => process.stdout.write(`\r${p.scanned} rows scanned, ${p.reEncrypted} re-encrypted`) });
      console.log(`\n${r.resumed ? "Resumed and completed" : "Completed"}: every encrypted field is under key "${r.keyId}" (${r.reEncrypted} re-encrypted of ${r.scanned} rows). Keys other than "${r.keyId}" may now be removed from FIELD_ENCRYPTION_KEYS.`);
      return 0;
    }
    case undefined:
    case "framework:import": {
      if (!file) throw new Error("framework:import needs a FILE");
      const r = await importFramework(SYSTEM_CLI, readFileSync(resolve(file), "utf8"), { id: typeof args.id === "string" ? args.id : undefined, source: typeof args.source === "string" ? args.source : undefined });
      console.log(`${r.created ? "Imported" : "Updated"} framework ${r.id}: ${r.requirements} requirements (${r.added} new).`);
      return 0;
    }
    case "framework:seed": {
      // The mappings need the controls, so the control catalogue is seeded first (also idempotent).
      const controls = await seedControlCatalogue(SYSTEM_CLI);
      console.log(JSON.stringify({ controls, frameworks: await seedFrameworks(SYSTEM_CLI) }));
      return 0;
    }
    case "help":
    case "--help":
      console.log(HELP);
      return 0;
    default: {
      const code = command.startsWith("audit:") ? await auditCommand(command, args) : null;
      if (code !== null) return code;
      console.error(`Unknown command "${command}".\n\n${HELP}`);
      return 2;
    }
  }
}

loadLocalEnv({ quiet: true });
let code: number;
try {
  code = await main(process.argv.slice(2));
} catch (e) {
  if (isAppError(e)) {
    const details = Array.isArray(e.details) ? (e.details as { path: string; message: string }[]).map((d) => `\n  ${d.path}: ${d.message}`).join("") : "";
    console.error(`Error: ${e.message}${details}`);
  } else console.error(`Error: ${e instanceof Error ? e.message : String(e)}`);
  code = 2;
}
// What this command recorded is sealed before the process goes (unless a server will).
if (process.argv[2] !== "audit:verify" && process.argv[2] !== "restore") await sealBeforeExit().catch((e) => console.error(`Could not seal the audit log: ${e instanceof Error ? e.message : String(e)}`));
await disconnectDb();
process.exit(code);
