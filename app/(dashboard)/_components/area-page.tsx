import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { Permission } from "@/lib/auth/permissions";
import { pageActor } from "@/lib/server/auth/page-guard";
import { Forbidden } from "./forbidden";

/** An area whose issue has not landed yet: checks access, then says honestly that it is empty. */
export async function AreaNotBuilt(props: { permission: Permission; title: string; description: string; emptyTitle: string; body: string; what: string }) {
  const { denied } = await pageActor(props.permission);
  if (denied) return <Forbidden what={props.what} />;
  return (
    <>
      <PageHeader title={props.title} description={props.description} />
      <EmptyState title={props.emptyTitle}>
        <p>{props.body}</p>
      </EmptyState>
    </>
  );
}
