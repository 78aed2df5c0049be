"use server";
import { revalidatePath } from "next/cache";
import { actionError, type ActionResult, unsafeForm } from "@/lib/action-result";
import { requireActor } from "@/lib/server/auth/current-actor";
import { recomputeOpenIncidents } from "@/lib/server/breaches/recompute-open";
import { updateOrganisationProfile } from "@/lib/server/organisation/profile";
import type { OrganisationProfileDto } from "@/lib/validation/organisation";

const text = (form: FormData, k: string) => String(form.get(k) ?? "");
const flag = (form: FormData, k: string) => form.get(k) === "on";

/** Admin → Organisation profile. Validation, the admin check and the audit are in lib/server. */
export async function saveOrganisationProfileAction(_: unknown, form: FormData): Promise<ActionResult<OrganisationProfileDto>> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  const nis2Type = text(form, "nis2EntityType");
  const states = text(form, "nis2MemberStates").split(/[\s,]+/).filter(Boolean);
  const main = text(form, "mainEstablishment").trim();
  try {
    const r = await updateOrganisationProfile(actor, {
      legalName: text(form, "legalName"),
      dpo: { name: text(form, "dpoName"), email: text(form, "dpoEmail").trim(), phone: text(form, "dpoPhone"), address: text(form, "dpoAddress") },
      timeZone: text(form, "timeZone"),
      mainEstablishment: main === "" ? null : main,
      listedInUS: flag(form, "listedInUS"),
      nis2: nis2Type === "" ? null : { entityType: nis2Type, memberStates: states },
      doraFinancialEntity: flag(form, "doraFinancialEntity"),
      nydfsCovered: flag(form, "nydfsCovered"),
      ftcSafeguardsFinancialInstitution: flag(form, "ftcSafeguardsFinancialInstitution"),
      phrVendor: flag(form, "phrVendor"),
      californiaLicensedHealthFacility: flag(form, "californiaLicensedHealthFacility"),
    }, recomputeOpenIncidents);
    revalidatePath("/admin");
    revalidatePath("/breaches");
    return { ok: true, message: `Saved. Obligations changed on ${r.recomputed ?? 0} open incident(s).`, data: r };
  } catch (e) {
    return actionError(e);
  }
}
