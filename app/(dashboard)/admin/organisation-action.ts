"use server";
import { revalidatePath } from "next/cache";
import { type ActionResult, unsafeForm } from "@/lib/action-result";
import { CHECK_FIELDS, formError, formValues } from "@/lib/forms/form-result";
import { requireActor } from "@/lib/server/auth/current-actor";
import { recomputeOpenIncidents } from "@/lib/server/breaches/recompute-open";
import { updateOrganisationProfile } from "@/lib/server/organisation/profile";
import type { OrganisationProfileDto } from "@/lib/validation/organisation";
import { ORGANISATION_FIELDS } from "./admin-fields";

const text = (form: FormData, k: string) => String(form.get(k) ?? "");
const flag = (form: FormData, k: string) => form.get(k) === "on";

/**
 * Admin → Organisation profile. Validation, the admin check and the audit are in lib/server.
 * Inputs are named by the API's paths ("dpo.email"), so its errors land on their field.
 */
export async function saveOrganisationProfileAction(_: unknown, form: FormData): Promise<ActionResult<OrganisationProfileDto>> {
  const unsafe = unsafeForm(form);
  if (unsafe) return unsafe;
  const actor = await requireActor();
  const nis2Type = text(form, "nis2.entityType");
  const states = text(form, "nis2.memberStates").split(/[\s,]+/).filter(Boolean);
  const main = text(form, "mainEstablishment").trim();
  try {
    const r = await updateOrganisationProfile(actor, {
      legalName: text(form, "legalName"),
      dpo: { name: text(form, "dpo.name"), email: text(form, "dpo.email").trim(), phone: text(form, "dpo.phone"), address: text(form, "dpo.address") },
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
    const r = formError(e, formValues(form), ORGANISATION_FIELDS);
    // lib/server's own sentence names internal paths ("dpo.email"); the fields say it in words.
    return Object.keys(r.fieldErrors ?? {}).length ? { ...r, message: CHECK_FIELDS } : r;
  }
}
