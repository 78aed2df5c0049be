export declare function ensureBuild(root?: string): boolean;
