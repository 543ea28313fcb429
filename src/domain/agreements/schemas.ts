import { z } from "zod";
import { freeText, optionalIsoDate, requiredFreeText, requiredText, text, uuidSchema } from "../shared/text.ts";

export const partyInput = z.object({
  organisationId: uuidSchema,
  contactName: text(200).default(""),
  contactTitle: text(200).default(""),
  contactEmail: z.union([z.literal(""), z.email({ message: "validation.email" })]).default(""),
  contactPhone: text(50).default(""),
});

const validityFields = {
  validFrom: optionalIsoDate,
  validTo: optionalIsoDate,
  untilFurtherNotice: z.boolean().default(false),
  revisionNote: freeText(2000).default(""),
  terminable: z.boolean().default(false),
  signedOn: optionalIsoDate,
};

export const agreementFields = z.object({
  title: requiredFreeText(300),
  purpose: freeText(20_000).default(""),
  method: freeText(20_000).default(""),
  organisationText: freeText(20_000).default(""),
  commitments: z.array(requiredFreeText(4000)).max(100).default([]),
  ...validityFields,
  parties: z.array(partyInput).min(2, { message: "agreement.parties.kommunAndLpoRequired" }).max(30),
});

/** Rules that span fields; the messages name the field they belong to. */
function checkValidity(
  v: { validFrom: string | null; validTo: string | null; untilFurtherNotice: boolean },
  ctx: z.RefinementCtx,
) {
  if (v.validFrom && v.validTo && v.validTo < v.validFrom) {
    ctx.addIssue({ code: "custom", path: ["validTo"], message: "agreement.validity.endBeforeStart" });
  }
  if (v.untilFurtherNotice && v.validTo) {
    ctx.addIssue({ code: "custom", path: ["validTo"], message: "agreement.validity.endWithUntilFurtherNotice" });
  }
}

function checkDistinctParties(v: { parties: { organisationId: string }[] }, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  v.parties.forEach((p, i) => {
    if (seen.has(p.organisationId))
      ctx.addIssue({ code: "custom", path: ["parties", i, "organisationId"], message: "agreement.parties.duplicate" });
    seen.add(p.organisationId);
  });
}

export const CreateAgreementInput = agreementFields.strict().superRefine((v, ctx) => {
  checkValidity(v, ctx);
  checkDistinctParties(v, ctx);
});
export type CreateAgreementInput = z.input<typeof CreateAgreementInput>;

export const UpdateAgreementInput = agreementFields
  .extend({ id: uuidSchema, version: z.number().int().positive() })
  .strict()
  .superRefine((v, ctx) => {
    checkValidity(v, ctx);
    checkDistinctParties(v, ctx);
  });
export type UpdateAgreementInput = z.input<typeof UpdateAgreementInput>;

export const signatoryInput = z.object({
  name: requiredText(200),
  title: text(200).default(""),
  organisationId: z
    .union([uuidSchema, z.literal(""), z.null()])
    .optional()
    .transform((v) => v || null),
  place: text(100).default(""),
  signedOn: optionalIsoDate,
});

export const bodyKinds = ["steering_group", "bra", "project_group", "working_group", "other"] as const;
export const bodyMemberInput = z.object({
  name: requiredText(200),
  organisationId: z
    .union([uuidSchema, z.literal(""), z.null()])
    .optional()
    .transform((v) => v || null),
  role: text(200).default(""),
});
export const bodyInput = z.object({
  name: requiredText(200),
  kind: z.enum(bodyKinds),
  mandate: freeText(4000).default(""),
  members: z.array(bodyMemberInput).max(100).default([]),
});

export const annexKinds = [
  "action_plan",
  "citizen_promise",
  "situation_report",
  "communication_plan",
  "other",
] as const;
export const annexInput = z
  .object({
    title: requiredText(300),
    kind: z.enum(annexKinds),
    url: z
      .union([z.literal(""), z.null(), z.url({ protocol: /^https?$/, message: "validation.url" })])
      .optional()
      .transform((v) => v || null),
    /** An existing file (kept when a list is saved again). */
    fileId: z
      .union([uuidSchema, z.literal(""), z.null()])
      .optional()
      .transform((v) => v || null),
  })
  .strict();

export const focusAreaInput = z
  .object({
    id: z
      .union([uuidSchema, z.literal(""), z.null()])
      .optional()
      .transform((v) => v || null),
    title: requiredFreeText(300),
    description: freeText(10_000).default(""),
  })
  .strict();

const versioned = { agreementId: uuidSchema, version: z.number().int().positive() };

export const SetSignatoriesInput = z
  .object({ ...versioned, signatories: z.array(signatoryInput.strict()).max(20) })
  .strict();
export const SetBodiesInput = z.object({ ...versioned, bodies: z.array(bodyInput.strict()).max(30) }).strict();
export const SetAnnexesInput = z.object({ ...versioned, annexes: z.array(annexInput).max(50) }).strict();
export const SetFocusAreasInput = z.object({ ...versioned, focusAreas: z.array(focusAreaInput).max(50) }).strict();
export const CreateFocusAreaInput = z
  .object({ ...versioned, title: requiredFreeText(300), description: freeText(10_000).default("") })
  .strict();
export const UpdateFocusAreaInput = z
  .object({
    id: uuidSchema,
    version: z.number().int().positive(),
    title: requiredFreeText(300),
    description: freeText(10_000).default(""),
  })
  .strict();
export const TerminateAgreementInput = z
  .object({ ...versioned, terminatedOn: optionalIsoDate, note: freeText(2000).default("") })
  .strict();
