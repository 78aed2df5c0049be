import type { Metadata } from "next";
import { AreaNotBuilt } from "../_components/area-page";

export const metadata: Metadata = { title: "Breaches" };

export default function Page() {
  return (
    <AreaNotBuilt
      permission="breach:read"
      title="Breaches"
      description="Incidents and every legal notification clock they start (GDPR, UK GDPR, HIPAA, California and other US states, EU AI Act)."
      emptyTitle="No incidents recorded"
      body="This area is not built yet: it will hold incidents, the deadline engine's obligations with their citations, notification tracking and regulator-ready reports. Nothing here is sample data."
      what="breach records"
    />
  );
}
