import type { Metadata } from "next";
import { AreaNotBuilt } from "../_components/area-page";

export const metadata: Metadata = { title: "Consent" };

export default function Page() {
  return (
    <AreaNotBuilt
      permission="consent:read"
      title="Consent"
      description="The append-only ledger of consent events per data subject and purpose, Global Privacy Control, and proof export."
      emptyTitle="No consent purposes or events yet"
      body="This area is not built yet: it will hold purposes and notice versions, the consent ledger fed by the ingest API, current-state lookup per data subject and consent receipts. Nothing here is sample data."
      what="consent records"
    />
  );
}
