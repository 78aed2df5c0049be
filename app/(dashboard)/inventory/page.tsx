import type { Metadata } from "next";
import { AreaNotBuilt } from "../_components/area-page";

export const metadata: Metadata = { title: "Data inventory" };

export default function Page() {
  return (
    <AreaNotBuilt
      permission="inventory:read"
      title="Data inventory"
      description="Systems and data assets, and the GDPR Art. 30 records of processing that use them."
      emptyTitle="No assets or processing activities yet"
      body="This area is not built yet: it will hold your systems and data assets (personal-data categories, location, encryption, owners, retention) and Art. 30 records, with review cycles and gap detection. Nothing here is sample data."
      what="the data inventory"
    />
  );
}
