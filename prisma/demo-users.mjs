// The demo logins that `npm start` seeds and prints. Demo only: MFA enforcement is off
// in the demo so these work with a password alone, and the app says so in a banner.
export const DEMO_PASSWORD = "demo-password-2026";
export const DEMO_USERS = [
  { email: "admin@demo.local", name: "Ada Admin", role: "admin" },
  { email: "officer@demo.local", name: "Olivia Officer", role: "compliance_officer" },
  { email: "reviewer@demo.local", name: "Rafael Reviewer", role: "reviewer" },
  { email: "auditor@demo.local", name: "Aiko Auditor", role: "auditor" },
];
