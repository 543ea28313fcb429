import { data } from "react-router";
import type { FormErrors } from "../../lib/http.ts";
import { load } from "../../lib/http.ts";
import type { SamverkanLoadContext } from "../../lib/context.ts";
import { getPromise } from "../../../src/services/promises/promises.ts";

/** A promise of the agreement in the URL: one of another agreement is simply not found. */
export async function loadPromiseOf(context: SamverkanLoadContext, agreementId: string, promiseId: string) {
  const p = await load(() => getPromise(context.ctx, promiseId));
  if (p.agreementId !== agreementId) throw data({ messageKey: "promise.notFound" }, { status: 404 });
  return p;
}

export function requireEditor(canEdit: boolean) {
  if (!canEdit) throw data({ messageKey: "agreement.editForbidden" }, { status: 403 });
}

/** Errors on one linked action (`actionIds.3`) point at the group of checkboxes. */
export function groupActionErrors(errors: FormErrors): FormErrors {
  const fields: Record<string, string> = {};
  for (const [path, key] of Object.entries(errors.fields))
    fields[path.startsWith("actionIds.") ? "actionIds" : path] ??= key;
  return { ...errors, fields };
}

/** On a page without the fields (the list), field errors become one message for the whole form. */
export function asFormError(errors: FormErrors): FormErrors {
  const first = Object.values(errors.fields)[0];
  return first ? { fields: {}, form: first } : errors;
}

export const promisesPath = (agreementId: string) => `/overenskommelser/${agreementId}/medborgarloften`;
