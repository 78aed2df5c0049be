// What each area is for, in a compliance officer's words, with the rules it rests on.
// Links to the rules point at the official texts; the app's own pages are linked by path.

export type HelpLink = { label: string; href: string };
export type HelpTopic = { id: string; title: string; app: HelpLink; summary: string; steps: string[]; rules: HelpLink[] };

const GDPR = "https://eur-lex.europa.eu/eli/reg/2016/679/oj";
const AI_ACT = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj";
const HIPAA_BREACH = "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-D";
const CCPA = "https://leginfo.legislature.ca.gov/faces/codes_displayText.xhtml?lawCode=CIV&division=3.&title=1.81.5.&part=4.";
const CA_BREACH = "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=CIV&sectionNum=1798.82";

export const HELP_TOPICS: HelpTopic[] = [
  {
    id: "inventory",
    title: "Data inventory and records of processing",
    app: { label: "Open the inventory", href: "/inventory" },
    summary:
      "Where personal data lives (systems and data assets: categories, location, encryption, owner, retention) and why it is processed (the Art. 30 records of processing). Gap findings list what a supervisory authority would ask about: an asset with special-category data but no encryption at rest, an activity without a lawful basis, a record past its review date.",
    steps: [
      "Add each system or data store as an asset, or import the register from CSV or XLSX (the export is the template; re-importing it changes nothing).",
      "Record each processing activity with its purposes, lawful basis, recipients, transfers and retention; link the assets it uses.",
      "Work through the findings on the inventory page, and review each record when its review date comes.",
      "Give the supervisory authority the Art. 30 record as a PDF when asked.",
    ],
    rules: [
      { label: "GDPR Art. 30: records of processing activities", href: `${GDPR}#art_30` },
      { label: "GDPR Art. 32: security of processing", href: `${GDPR}#art_32` },
      { label: "GDPR Art. 9: special categories of personal data", href: `${GDPR}#art_9` },
    ],
  },
  {
    id: "consent",
    title: "Consent",
    app: { label: "Open consent", href: "/consent" },
    summary:
      "An append-only ledger of what each person agreed to, per purpose, and against which notice text. Websites and apps post events through the API; nothing is ever overwritten, so the history is the proof. Global Privacy Control signals are recorded as opt-outs of sale and sharing.",
    steps: [
      "Define a purpose for each reason you ask for consent (or rely on another lawful basis), with the notice text people see.",
      "Give your website an API key with the consent:write scope and post grants and withdrawals as they happen.",
      "Look a person up to see their current state and full history, and export a consent receipt (PDF or JSON) when they ask.",
    ],
    rules: [
      { label: "GDPR Art. 7: conditions for consent (withdrawal as easy as giving)", href: `${GDPR}#art_7` },
      { label: "GDPR Art. 6(1): lawful bases", href: `${GDPR}#art_6` },
      { label: "CCPA/CPRA: right to opt out of sale or sharing (Cal. Civ. Code 1798.120, 1798.135)", href: CCPA },
    ],
  },
  {
    id: "breaches",
    title: "Breach notifications",
    app: { label: "Open breaches", href: "/breaches" },
    summary:
      "One incident, every clock. Record what happened, which data elements and how many people in which places; the deadline engine works out each regulator and person to notify and by when (for example the GDPR 72 hours from awareness, HIPAA's 60 days from discovery, the EU AI Act's 15, 10 or 2 days for a serious incident, and each US state's own rule). Track each notice as drafted and sent, and export the report.",
    steps: [
      "Report an incident as soon as you are aware of it: the clocks start from awareness or discovery, not from the end of the investigation.",
      "Fill in the facts as you learn them (data elements, encryption, counts per jurisdiction); the obligations are recomputed each time.",
      "Mark each notice sent with its date; the dashboard's Needs attention list shows what is overdue or due within a day.",
      "Export the breach report (PDF, CSV or JSON) for the file and the draft letters for each recipient.",
    ],
    rules: [
      { label: "GDPR Art. 33: notification to the supervisory authority", href: `${GDPR}#art_33` },
      { label: "GDPR Art. 34: communication to the data subject", href: `${GDPR}#art_34` },
      { label: "HIPAA Breach Notification Rule, 45 CFR 164.400-414", href: HIPAA_BREACH },
      { label: "California Civil Code 1798.82", href: CA_BREACH },
      { label: "EU AI Act Art. 73: reporting of serious incidents", href: `${AI_ACT}#art_73` },
    ],
  },
  {
    id: "oversight",
    title: "Human oversight of AI decisions",
    app: { label: "Open the reviewer inbox", href: "/oversight" },
    summary:
      "High-stakes AI decisions wait for a person. An AI system escalates a decision through the API; reviewers see it in their inbox with its inputs, the model's proposal and the deadline; they approve or reject with a rationale. Four-eyes rules require two different people; escalation policies decide which decisions need review and how fast.",
    steps: [
      "Register each AI system and its model versions, with its risk level and owner.",
      "Set its escalation policy: which decisions go to a person, how many approvals, and the review deadline.",
      "Reviewers work the inbox; overdue decisions are escalated and, if the policy says so, expire without an outcome.",
      "The system is told the verdict through a signed callback.",
    ],
    rules: [
      { label: "EU AI Act Art. 14: human oversight", href: `${AI_ACT}#art_14` },
      { label: "EU AI Act Art. 26: obligations of deployers", href: `${AI_ACT}#art_26` },
      { label: "GDPR Art. 22: automated individual decision-making", href: `${GDPR}#art_22` },
    ],
  },
  {
    id: "posture",
    title: "Checklists and posture",
    app: { label: "Open checklists", href: "/posture" },
    summary:
      "Controls from security practice and from the regulations (encryption, access control, MFA, monitoring, patching, model versioning, anonymisation, data minimisation, human oversight, fairness audits), each reviewed on a cycle with evidence attached. The posture score summarises how many are satisfied, and its chart shows the trend.",
    steps: [
      "Review each control when it is due: choose satisfied, partially satisfied, not satisfied or not applicable, say why and attach evidence.",
      "Automated control tests check what the app can see for itself (for example MFA enforcement) and flag failures.",
      "Use a framework's statement of applicability when an auditor asks which controls apply and why.",
      "Load a framework someone else wrote (an OSCAL 1.1 or 1.0 catalog or profile) under Admin, Import a framework; any framework and the organisation's implementation export as OSCAL 1.1.3.",
    ],
    rules: [
      { label: "GDPR Art. 24 and 25: responsibility and data protection by design", href: `${GDPR}#art_24` },
      { label: "EU AI Act Art. 9: risk management system", href: `${AI_ACT}#art_9` },
    ],
  },
  {
    id: "audit",
    title: "Audit log",
    app: { label: "Open the audit log", href: "/audit" },
    summary:
      "Every change and every sensitive read is recorded, sealed into a Merkle tree and signed. Anyone with the public key can check that an event is in the log and that the log was only ever appended to, without trusting this server or its database administrator.",
    steps: [
      "Filter the log by area, person or date and export what you need.",
      "Press Verify to check the whole log; download an event's proof and check it offline with the script shown on the event's page.",
      "Export the signed tree heads regularly and keep them elsewhere: they let you prove the log was not cut back.",
    ],
    rules: [{ label: "GDPR Art. 5(2): accountability", href: `${GDPR}#art_5` }],
  },
];

export const ROLE_HELP: { role: string; can: string }[] = [
  { role: "Admin", can: "Everything, including people, API keys, webhooks, single sign-on and security settings." },
  { role: "Compliance officer", can: "Keeps the records: inventory, consent, breaches, oversight set-up, checklists; reads and verifies the audit log." },
  { role: "Reviewer", can: "Decides escalated AI decisions in the inbox; sees nothing else." },
  { role: "Auditor", can: "Reads and exports everything, verifies the audit log, changes nothing." },
];

/** How every form and date in the app behaves (docs/decisions/012, 013, 014). */
export const FORM_HELP: string[] = [
  "When a form refuses what you typed, each field it could not take says why in words, next to the field, and everything you typed stays (passwords and codes excepted: type them again). The cursor moves to the first field to fix.",
  "After a save, a short confirmation appears at the bottom of the screen and is read out by screen readers. It goes after a few seconds; point at it or move the focus to it to keep it, or dismiss it with its × button.",
  "Dates and times are shown in the organisation's time zone (Admin → Organisation profile), as in “3 Dec 2026, 14:05 CET”; point at one to see the exact time in UTC. Exports and legal reports keep their explicit UTC or zone stamps.",
];
