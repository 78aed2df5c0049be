import type { Metadata } from "next";
import { AreaNotBuilt } from "../_components/area-page";

export const metadata: Metadata = { title: "Checklists & posture" };

export default function Page() {
  return (
    <AreaNotBuilt
      permission="posture:read"
      title="Checklists & posture"
      description="Controls from security best practice and the regulations, periodic reviews with evidence, and the posture score over time."
      emptyTitle="No checklist reviews yet"
      body="This area is not built yet: it will hold the control catalogue, checklist reviews with evidence, automated control tests and the posture score with its history. Nothing here is sample data."
      what="checklists and posture"
    />
  );
}
