import type { Metadata } from "next";
import { AreaNotBuilt } from "../_components/area-page";

export const metadata: Metadata = { title: "Human oversight" };

export default function Page() {
  return (
    <AreaNotBuilt
      permission="oversight:read"
      title="Human oversight"
      description="AI systems, model versions and the high-stakes decisions they escalate for human review."
      emptyTitle="No AI systems registered"
      body="This area is not built yet: it will hold the AI system registry, escalation policies, the reviewer inbox with four-eyes approval, SLAs and signed callbacks. Nothing here is sample data."
      what="AI oversight"
    />
  );
}
