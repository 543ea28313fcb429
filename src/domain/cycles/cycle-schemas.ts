import { z } from "zod";
import { freeText, isoDate, optionalUuid, requiredFreeText, text, uuidSchema } from "../shared/text.ts";
import { causeAxes, cycleStatuses, indicatorDirections, promisePeriodKinds } from "./vocabulary.ts";
import { manualHandbookItems } from "./handbook.ts";

const version = z.number().int().min(0);
const positiveVersion = z.number().int().positive();
const optionalId = optionalUuid;
/** A checkbox or JSON boolean. */
const bool = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");
const intField = (min: number, max: number, message: string) =>
  z.coerce.number({ message }).int({ message }).min(min, { message }).max(max, { message });

export const SituationSourceInput = z
  .object({
    key: text(60).optional(),
    label: requiredFreeText(200),
    mandatory: bool,
  })
  .strict();

export const UpdateCycleSettingsInput = z
  .object({
    agreementId: uuidSchema,
    /** 0 (or the defaults' version) when nothing was saved yet. */
    version,
    cycleStartMonth: intField(1, 12, "settings.cycleStartMonth.invalid"),
    promisePeriod: z.enum(promisePeriodKinds, { message: "settings.promisePeriod.invalid" }),
    reviewIntervalMonths: intField(1, 120, "settings.reviewIntervalMonths.invalid"),
    staleAfterDays: intField(1, 3650, "settings.staleAfterDays.invalid"),
    situationSources: z.array(SituationSourceInput).max(50),
  })
  .strict();
export type UpdateCycleSettingsInput = z.input<typeof UpdateCycleSettingsInput>;

export const CreateCycleInput = z
  .object({
    agreementId: uuidSchema,
    year: intField(2000, 2100, "cycle.year.invalid"),
  })
  .strict();
export type CreateCycleInput = z.input<typeof CreateCycleInput>;

export const SetCycleStatusInput = z
  .object({ cycleId: uuidSchema, version: positiveVersion, status: z.enum(cycleStatuses) })
  .strict();
export const StartNextCycleInput = z.object({ cycleId: uuidSchema, version: positiveVersion }).strict();

const httpsLink = z
  .union([z.literal(""), z.null(), z.url({ protocol: /^https$/, message: "situation.source.link.https" })])
  .optional()
  .transform((v) => v || "");

export const UpdateSituationReportInput = z
  .object({
    cycleId: uuidSchema,
    version: positiveVersion,
    crimeMapping: freeText(50_000).default(""),
    otherInformation: freeText(50_000).default(""),
    analysis: freeText(50_000).default(""),
    sources: z
      .array(z.object({ key: text(60).min(1), used: bool, note: freeText(2000).default(""), link: httpsLink }).strict())
      .max(50)
      .default([]),
  })
  .strict();
export type UpdateSituationReportInput = z.input<typeof UpdateSituationReportInput>;

export const AdoptSituationReportInput = z
  .object({
    cycleId: uuidSchema,
    version: positiveVersion,
    bodyId: z.string().trim().min(1, { message: "situation.adoption.bodyRequired" }).pipe(uuidSchema),
    adoptedOn: z.string().trim().min(1, { message: "situation.adoption.dateRequired" }).pipe(isoDate),
  })
  .strict();
export const WithdrawAdoptionInput = z.object({ cycleId: uuidSchema, version: positiveVersion }).strict();

export const CycleFocusAreaInput = z
  .object({ id: optionalId, title: requiredFreeText(300), description: freeText(4000).default("") })
  .strict();
export const SetCycleFocusAreasInput = z
  .object({ cycleId: uuidSchema, version: positiveVersion, focusAreas: z.array(CycleFocusAreaInput).max(50) })
  .strict();

export const SetPrioritisationInput = z
  .object({
    cycleId: uuidSchema,
    version: positiveVersion,
    prioritisationRationale: freeText(20_000).default(""),
    problems: z
      .array(
        z
          .object({
            id: uuidSchema,
            prioritised: bool,
            rationale: freeText(4000).default(""),
            cycleFocusAreaId: optionalId,
          })
          .strict(),
      )
      .max(200),
  })
  .strict();

export const SetHandbookTickInput = z
  .object({
    cycleId: uuidSchema,
    version: positiveVersion,
    step: z.coerce.number().int().min(1).max(5),
    item: text(60),
    done: bool,
    note: freeText(2000).default(""),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!manualHandbookItems.includes(`${v.step}.${v.item}`))
      ctx.addIssue({ code: "custom", path: ["item"], message: "handbook.item.notManual" });
  });

/** A coordinate from a form or JSON: "" and null mean none. */
const coordinate = (limit: number, message: string) =>
  z
    .union([z.number(), z.string().trim(), z.null()])
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === null || v === "") return null;
      const n = typeof v === "number" ? v : Number(v.replace(",", "."));
      if (!Number.isFinite(n) || n < -limit || n > limit) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return n;
    });

export const ProblemPlaceInput = z
  .object({
    name: requiredFreeText(300),
    lat: coordinate(90, "problem.place.lat.invalid"),
    lng: coordinate(180, "problem.place.lng.invalid"),
    area: freeText(300).default(""),
  })
  .strict()
  .superRefine((p, ctx) => {
    if ((p.lat === null) !== (p.lng === null))
      ctx.addIssue({
        code: "custom",
        path: [p.lat === null ? "lat" : "lng"],
        message: "problem.place.bothOrNeither",
      });
  });

const problemFields = {
  title: requiredFreeText(300),
  description: freeText(20_000).default(""),
  places: z.array(ProblemPlaceInput).max(50).default([]),
  times: freeText(1000).default(""),
};
export const CreateProblemInput = z.object({ cycleId: uuidSchema, ...problemFields }).strict();
export type CreateProblemInput = z.input<typeof CreateProblemInput>;
/** A problem's own fields, complete: what a partial update is merged into before it is checked. */
export const ProblemValues = z.object(problemFields).strict();
/** A partial update (API PATCH; the web form sends every field): fields left out keep their value. */
export const UpdateProblemInput = z.object({ id: uuidSchema, version: positiveVersion }).catchall(z.unknown());
export type UpdateProblemInput = { id: string; version: number } & Partial<Record<keyof typeof problemFields, unknown>>;
export const DeleteProblemInput = z.object({ id: uuidSchema, version: positiveVersion }).strict();

export const SetCausesInput = z
  .object({
    problemId: uuidSchema,
    version: positiveVersion,
    causes: z
      .array(
        z
          .object({
            id: optionalId,
            axis: z.enum(causeAxes, { message: "cause.axis.invalid" }),
            text: requiredFreeText(2000),
          })
          .strict(),
      )
      .max(100),
    eventChains: freeText(20_000).default(""),
  })
  .strict();

/** Brå and NTU suppress small cells; these markers mean "suppressed", not "missing". */
export const suppressedMarkers = ["XX", "..", "-", "–"];

export const IndicatorValueInput = z
  .object({
    year: intField(1990, 2100, "indicator.year.invalid"),
    value: z.union([z.number(), z.string().trim(), z.null()]).optional(),
    suppressed: bool,
    note: freeText(500).default(""),
  })
  .strict()
  .transform((v, ctx) => {
    const raw = v.value;
    let value: number | null = null;
    let suppressed = v.suppressed;
    if (typeof raw === "number") value = raw;
    else if (typeof raw === "string" && raw !== "") {
      if (suppressedMarkers.includes(raw.toUpperCase())) suppressed = true;
      else {
        const n = Number(raw.replace(",", ".").replace(/\s/g, ""));
        if (!Number.isFinite(n)) {
          ctx.addIssue({ code: "custom", path: ["value"], message: "indicator.value.notANumber" });
          return z.NEVER;
        }
        value = n;
      }
    }
    if (suppressed) value = null;
    return { year: v.year, value, suppressed, note: v.note };
  });

const indicatorFields = {
  name: requiredFreeText(300),
  source: freeText(300).default(""),
  unit: freeText(100).default(""),
  direction: z.enum(indicatorDirections, { message: "indicator.direction.invalid" }).default("decrease"),
  values: z.array(IndicatorValueInput).max(120).default([]),
};

function distinctYears(v: { values: { year: number }[] }, ctx: z.RefinementCtx) {
  const seen = new Set<number>();
  v.values.forEach((x, i) => {
    if (seen.has(x.year))
      ctx.addIssue({ code: "custom", path: ["values", i, "year"], message: "indicator.year.duplicate" });
    seen.add(x.year);
  });
}

export const CreateIndicatorInput = z
  .object({ agreementId: uuidSchema, ...indicatorFields })
  .strict()
  .superRefine(distinctYears);
export type CreateIndicatorInput = z.input<typeof CreateIndicatorInput>;
/** An indicator's own fields, complete: what a partial update is merged into before it is checked. */
export const IndicatorValues = z.object(indicatorFields).strict().superRefine(distinctYears);
/** A partial update (API PATCH; the web form sends every field): fields left out keep their value. */
export const UpdateIndicatorInput = z.object({ id: uuidSchema, version: positiveVersion }).catchall(z.unknown());
export type UpdateIndicatorInput = { id: string; version: number } & Partial<
  Record<keyof typeof indicatorFields, unknown>
>;
export const DeleteIndicatorInput = z.object({ id: uuidSchema, version: positiveVersion }).strict();
