export declare const SECRET_NAMES: string[];
export declare function loadLocalEnv(opts?: { quiet?: boolean }): { dataDir: string; created: boolean };
