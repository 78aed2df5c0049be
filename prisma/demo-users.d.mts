export declare const DEMO_PASSWORD: string;
export declare const DEMO_USERS: { email: string; name: string; role: "admin" | "compliance_officer" | "reviewer" | "auditor" }[];
