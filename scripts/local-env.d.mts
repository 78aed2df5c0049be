export declare const SECRET_NAMES: string[];
export declare function loadLocalEnv(opts?: { quiet?: boolean }): { dataDir: string; created: boolean };
export declare function generateSecrets(): Record<"NEXTAUTH_SECRET" | "FIELD_ENCRYPTION_KEYS" | "BLIND_INDEX_KEY" | "AUDIT_CHECKPOINT_KEY", string>;
