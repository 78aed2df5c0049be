export declare const PG_ADMIN_URL: string;
export declare function pgReachable(): Promise<boolean>;
export type Run = { dataDir: string; env: NodeJS.ProcessEnv; cleanup(): Promise<void> };
export declare function migratedRun(name: string, dialect: "sqlite" | "postgresql", dataDir: string, adminUrl?: string): Promise<Run>;
export declare function prepareRun(name: string, dialect: "sqlite" | "postgresql"): Promise<Run & { fixtures: Record<string, unknown> }>;
export type Server = { base: string; pid: number; kill(): Promise<unknown>; stop(): Promise<unknown> };
export declare function startServer(run: { env: NodeJS.ProcessEnv }, port: number): Promise<Server>;
export declare function auditVerify(run: { env: NodeJS.ProcessEnv }): { code: number | null; out: string };
