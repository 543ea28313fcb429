import { z } from "zod";
import { municipalityByCode, policeRegions } from "../reference/sweden.ts";
import { isoDate, optionalIsoDate, requiredText, uuidSchema } from "../shared/text.ts";

export const organisationKinds = ["kommun", "lpo", "department", "company", "authority", "other"] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

const fields = {
  kind: z.enum(organisationKinds),
  name: requiredText(200),
  municipalityCode: z
    .union([z.literal(""), z.null(), z.string().regex(/^\d{4}$/, { message: "organisation.municipalityCode.invalid" })])
    .optional()
    .transform((v) => v || null),
  policeRegion: z
    .union([z.literal(""), z.null(), z.enum(policeRegions.map((r) => r.code) as [string, ...string[]])])
    .optional()
    .transform((v) => v || null),
  parentId: z
    .union([z.literal(""), z.null(), uuidSchema])
    .optional()
    .transform((v) => v || null),
};

function checkKindFields(
  v: { kind: OrganisationKind; municipalityCode: string | null; parentId: string | null },
  ctx: z.RefinementCtx,
) {
  if (v.kind === "kommun") {
    if (!v.municipalityCode)
      ctx.addIssue({ code: "custom", path: ["municipalityCode"], message: "organisation.municipalityCode.required" });
    else if (!municipalityByCode(v.municipalityCode))
      ctx.addIssue({ code: "custom", path: ["municipalityCode"], message: "organisation.municipalityCode.unknown" });
  } else if (v.municipalityCode) {
    ctx.addIssue({ code: "custom", path: ["municipalityCode"], message: "organisation.municipalityCode.onlyKommun" });
  }
  if ((v.kind === "department" || v.kind === "company") && !v.parentId)
    ctx.addIssue({ code: "custom", path: ["parentId"], message: "organisation.parent.required" });
}

export const CreateOrganisationInput = z.object(fields).strict().superRefine(checkKindFields);
export type CreateOrganisationInput = z.input<typeof CreateOrganisationInput>;
export const UpdateOrganisationInput = z
  .object({ ...fields, id: uuidSchema, version: z.number().int().positive() })
  .strict()
  .superRefine(checkKindFields);
export type UpdateOrganisationInput = z.input<typeof UpdateOrganisationInput>;

export const coverageInput = z
  .object({
    municipalityCode: z
      .string()
      .refine((c) => Boolean(municipalityByCode(c)), { message: "organisation.municipalityCode.unknown" }),
    validFrom: isoDate,
    validTo: optionalIsoDate,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.validTo && v.validTo < v.validFrom)
      ctx.addIssue({ code: "custom", path: ["validTo"], message: "agreement.validity.endBeforeStart" });
  });

export const SetCoverageInput = z
  .object({ policeAreaId: uuidSchema, version: z.number().int().positive(), coverage: z.array(coverageInput).max(50) })
  .strict();
