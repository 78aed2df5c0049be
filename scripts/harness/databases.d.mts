export declare const PG_ADMIN_URL: string;
export type ScratchDatabase = { url: string; drop(): Promise<void> };
export declare function createPgDatabase(name: string, opts?: { adminUrl?: string; replace?: boolean; settings?: Record<string, string> }): Promise<ScratchDatabase>;
export declare function removeSqliteFile(file: string): void;
export declare function sqliteDatabase(file: string): ScratchDatabase;
export declare function migrate(url: string, opts?: { env?: NodeJS.ProcessEnv; cwd?: string }): void;
export declare function migrateOrDrop(database: ScratchDatabase, opts?: { env?: NodeJS.ProcessEnv; label?: string }): Promise<ScratchDatabase>;
export declare function freshDatabase(opts: { dialect: "sqlite" | "postgresql"; name: string; file: string; adminUrl?: string; settings?: Record<string, string>; env?: NodeJS.ProcessEnv }): Promise<ScratchDatabase>;
