export declare const SECRET_NAMES: string[];
export declare const DEMO_SIGNING_KEY_FILE: string;
export declare const DEMO_RETIRED_KEYS_FILE: string;
export declare function loadLocalEnv(opts?: { quiet?: boolean }): { dataDir: string; created: boolean };
export declare function generateSecrets(): Record<"NEXTAUTH_SECRET" | "FIELD_ENCRYPTION_KEYS" | "BLIND_INDEX_KEY", string>;
export declare function generateSigningKeyPem(): string;
