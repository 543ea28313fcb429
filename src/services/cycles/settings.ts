import { and, eq } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import { agreementSettings, type SituationSource } from "../../db/schema.ts";
import { UpdateCycleSettingsInput } from "../../domain/cycles/cycle-schemas.ts";
import { defaultSituationSources, type PromisePeriodKind } from "../../domain/cycles/vocabulary.ts";
import { AppError } from "../../errors.ts";
import { requireAgreementFor } from "../cycle-core/access.ts";
import { recordAudit } from "../core/audit.ts";
import type { ServiceContext } from "../core/context.ts";
import { parseInput } from "../core/validate.ts";

export interface CycleSettings {
  agreementId: string;
  cycleStartMonth: number;
  promisePeriod: PromisePeriodKind;
  reviewIntervalMonths: number;
  staleAfterDays: number;
  situationSources: SituationSource[];
  /** 0 while the defaults apply (nothing saved yet). */
  version: number;
}

export function defaultCycleSettings(agreementId: string): CycleSettings {
  return {
    agreementId,
    cycleStartMonth: 1,
    promisePeriod: "year",
    reviewIntervalMonths: 24,
    staleAfterDays: 90,
    situationSources: defaultSituationSources.map((s) => ({ ...s })),
    version: 0,
  };
}

/** The settings without an access check: for services that checked access already. */
export async function loadCycleSettings(db: Queryable, agreementId: string): Promise<CycleSettings> {
  const [row] = await db.select().from(agreementSettings).where(eq(agreementSettings.agreementId, agreementId));
  if (!row) return defaultCycleSettings(agreementId);
  return {
    agreementId,
    cycleStartMonth: row.cycleStartMonth,
    promisePeriod: row.promisePeriod as PromisePeriodKind,
    reviewIntervalMonths: row.reviewIntervalMonths,
    staleAfterDays: row.staleAfterDays,
    situationSources: row.situationSources,
    version: row.version,
  };
}

/** How the agreement runs its cycle (the defaults until someone saves them). Readers of the agreement. */
export async function getCycleSettings(ctx: ServiceContext, agreementId: string): Promise<CycleSettings> {
  await requireAgreementFor(ctx, agreementId, "read");
  return loadCycleSettings(ctx.db, agreementId);
}

function slug(label: string): string {
  return (
    label
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 50) || "source"
  );
}

/** Editors: saves the settings; version 0 when nothing was saved yet (the first save inserts). */
export async function updateCycleSettings(ctx: ServiceContext, input: UpdateCycleSettingsInput) {
  const data = parseInput(UpdateCycleSettingsInput, input);
  await requireAgreementFor(ctx, data.agreementId, "edit");
  // New sources get a key from their label; existing keys stay (cycles refer to them).
  const used = new Set<string>();
  const situationSources: SituationSource[] = data.situationSources.map((s) => {
    let key = s.key?.trim() || slug(s.label);
    for (let n = 2; used.has(key); n++) key = `${slug(s.label)}_${n}`;
    used.add(key);
    return { key, label: s.label, mandatory: s.mandatory };
  });
  const { agreementId, version, ...fields } = data;
  return ctx.db.transaction(async (tx) => {
    const before = await loadCycleSettings(tx, agreementId);
    const values = { ...fields, situationSources, updatedAt: ctx.now() };
    if (version === 0) {
      const inserted = await tx
        .insert(agreementSettings)
        .values({ agreementId, ...values, version: 1 })
        .onConflictDoNothing()
        .returning();
      if (!inserted.length) throw new AppError("CONFLICT", "common.changedByOthers");
    } else {
      const updated = await tx
        .update(agreementSettings)
        .set({ ...values, version: version + 1 })
        .where(and(eq(agreementSettings.agreementId, agreementId), eq(agreementSettings.version, version)))
        .returning();
      if (!updated.length) throw new AppError("CONFLICT", "common.changedByOthers");
    }
    const after = await loadCycleSettings(tx, agreementId);
    await recordAudit(tx, ctx, "cycleSettings.updated", { type: "agreement", id: agreementId }, { before, after });
    return after;
  });
}
