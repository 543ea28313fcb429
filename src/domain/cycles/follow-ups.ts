import { z } from "zod";
import { freeText, optionalIsoDate, uuidSchema } from "../shared/text.ts";
import { actionStatuses, followUpKinds } from "./vocabulary.ts";

/** A number from a form or JSON: "" and null mean none; a comma decimal ("12,5") is accepted. */
export const optionalNumber = z
  .union([z.number(), z.string().trim(), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === null || v === "") return null;
    const n = typeof v === "number" ? v : Number(v.replace(",", ".").replace(/\s/g, ""));
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: "custom", message: "validation.number" });
      return z.NEVER;
    }
    return n;
  });

/** An entry of an action's follow-up: production (done, how many), process (how, hours), effect. */
export const AddFollowUpInput = z
  .object({
    actionId: uuidSchema,
    /** The action's version as read: a follow-up based on a stale read is refused. */
    version: z.number().int().positive(),
    on: optionalIsoDate,
    kind: z.enum(followUpKinds).default("production"),
    status: z
      .union([z.enum(actionStatuses), z.literal(""), z.null()])
      .optional()
      .transform((v) => v || null),
    note: freeText(4000).default(""),
    quantity: optionalNumber,
    hours: optionalNumber.refine((v) => v === null || v >= 0, { message: "validation.notNegative" }),
  })
  .strict();
export type AddFollowUpInput = z.input<typeof AddFollowUpInput>;
