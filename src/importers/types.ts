/**
 * The import draft: what the importer read from a document, for a person to review before anything
 * is saved. Every extracted value has provenance in `fields`: a path into the draft, the span of
 * `text` it came from and a confidence, so a review page can highlight it in the source.
 */
import { z } from "zod";

export const documentKinds = ["agreement", "citizen_promise", "action_plan", "follow_up", "other"] as const;
export const documentFormats = ["text", "markdown", "html", "docx", "pdf"] as const;
export const partyTypes = ["kommun", "lpo", "polisregion", "other"] as const;
export const promiseOwners = ["polisen", "kommunen", "gemensamt"] as const;
export const bodyKinds = [
  "steeringGroup",
  "projectGroup",
  "workingGroup",
  "council",
  "coordinator",
  "communityPoliceOfficer",
  "contactPerson",
] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const PartySchema = z.object({
  type: z.enum(partyTypes),
  name: z.string(),
  /** SCB code of a kommun ("0761"). */
  code: z.string().optional(),
});

export const ValiditySchema = z.object({
  from: isoDate.nullable(),
  to: isoDate.nullable(),
  untilFurtherNotice: z.boolean(),
  terminable: z.boolean(),
  /** How often the agreement is revised, as written ("vid behov", "årligen"). */
  revision: z.string().nullable(),
});

export const SignatorySchema = z.object({
  name: z.string(),
  title: z.string(),
  organisation: z.string().nullable(),
});

export const SignedSchema = z.object({ place: z.string().nullable(), date: isoDate.nullable() });

export const ActionSchema = z.object({
  focusArea: z.string().nullable(),
  cause: z.string().nullable(),
  action: z.string(),
  responsible: z.array(z.string()),
  /** Contact persons named beside the responsible organisations ("( Anette )"). */
  contacts: z.array(z.string()),
  followUp: z.string().nullable(),
});

export const CitizenPromiseSchema = z.object({ by: z.enum(promiseOwners), text: z.string() });

export const PeriodSchema = z.object({ from: isoDate.nullable(), to: isoDate.nullable() });

export const BodySchema = z.object({ kind: z.enum(bodyKinds), name: z.string() });

export const SituationReportSourceSchema = z.object({ name: z.string(), mandatory: z.boolean() });

export const FollowUpOutcomeSchema = z.object({
  text: z.string(),
  status: z.enum(["done", "partly", "not_done", "ongoing"]).nullable(),
});

export const FieldProvenanceSchema = z.object({
  /** Path into the draft, "/"-separated: "validity/from", "signatories/0/name", "actions/3/cause". */
  path: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  confidence: z.number().min(0).max(1),
});

export const WarningSchema = z.object({ code: z.string(), message: z.string() });

export const ImportDraftSchema = z.object({
  version: z.literal(1),
  format: z.enum(documentFormats),
  kind: z.enum(documentKinds),
  title: z.string().nullable(),
  text: z.string(),
  parties: z.array(PartySchema),
  validity: ValiditySchema,
  signatories: z.array(SignatorySchema),
  signed: SignedSchema.nullable(),
  focusAreas: z.array(z.object({ title: z.string() })),
  actions: z.array(ActionSchema),
  promises: z.array(CitizenPromiseSchema),
  promisePeriod: PeriodSchema.nullable(),
  bodies: z.array(BodySchema),
  commitments: z.array(z.object({ text: z.string() })),
  situationReportSources: z.array(SituationReportSourceSchema),
  requiredDocuments: z.array(z.object({ name: z.string() })),
  followUps: z.array(FollowUpOutcomeSchema),
  fields: z.array(FieldProvenanceSchema),
  warnings: z.array(WarningSchema),
  stats: z.object({
    bytes: z.number().int().nonnegative(),
    pages: z.number().int().nonnegative().nullable(),
    ocrRepairs: z.number().int().nonnegative(),
    furnitureLinesRemoved: z.number().int().nonnegative(),
  }),
});

export type ImportDraft = z.infer<typeof ImportDraftSchema>;
export type DocumentKind = (typeof documentKinds)[number];
export type DocumentFormat = (typeof documentFormats)[number];
export type Party = z.infer<typeof PartySchema>;
export type Validity = z.infer<typeof ValiditySchema>;
export type Signatory = z.infer<typeof SignatorySchema>;
export type Signed = z.infer<typeof SignedSchema>;
export type Action = z.infer<typeof ActionSchema>;
export type CitizenPromise = z.infer<typeof CitizenPromiseSchema>;
export type Period = z.infer<typeof PeriodSchema>;
export type Body = z.infer<typeof BodySchema>;
export type SituationReportSource = z.infer<typeof SituationReportSourceSchema>;
export type FollowUpOutcome = z.infer<typeof FollowUpOutcomeSchema>;
export type FieldProvenance = z.infer<typeof FieldProvenanceSchema>;
export type ImportWarning = z.infer<typeof WarningSchema>;

export interface ImportInput {
  bytes: Uint8Array;
  filename?: string;
  mediaType?: string;
}

export interface ImportOptions {
  /** Refuse inputs larger than this (bytes). Default 25 MiB. */
  maxBytes?: number;
  /** Refuse a DOCX whose parts would inflate to more than this (bytes). Default 100 MiB. */
  maxUncompressedBytes?: number;
  /** Stop reading a PDF after this many pages. Default 300. */
  maxPages?: number;
  /** Give up on a PDF after this long (ms). Default 20 s. */
  pdfTimeoutMs?: number;
  /** Skip OCR repair (for tests and comparisons). */
  ocrRepair?: boolean;
}

/** An error the importer reports to the user: a code for i18n and an English message. */
export class ImportError extends Error {
  constructor(
    readonly code:
      "empty" | "too_large" | "unsupported_format" | "no_text_layer" | "unreadable" | "zip_bomb" | "timeout",
    message: string,
  ) {
    super(message);
    this.name = "ImportError";
  }
}

/** A value found in the text, with where it was found. */
export interface Located<T> {
  value: T;
  start: number;
  end: number;
  confidence: number;
}
