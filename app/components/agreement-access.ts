import { data } from "react-router";
import { canEditAgreement, getAgreement } from "../../src/services/agreements/agreements.ts";
import type { SamverkanLoadContext } from "../lib/context.ts";
import { load, requireSignedIn } from "../lib/http.ts";

/**
 * For the agreement's edit pages: anonymous visitors go to sign-in, those who may not read it get
 * 404 (so its existence is not revealed), readers who may not edit get 403.
 */
export async function loadEditableAgreement(context: SamverkanLoadContext, request: Request, id: string) {
  requireSignedIn(context.ctx, request);
  const agreement = await load(() => getAgreement(context.ctx, id));
  if (!(await canEditAgreement(context.ctx, id)))
    throw data({ messageKey: "agreement.editForbidden" }, { status: 403 });
  return agreement;
}

/** The hidden version field every form posts, as a number (0 when missing: the service refuses it). */
export function postedVersion(form: FormData, name = "version"): number {
  const v = Number(form.get(name));
  return Number.isInteger(v) ? v : 0;
}
