/** What the lägesbild needs before it is complete (lag 2023:196 4 § and the agreement's own sources). */
export interface SituationFacts {
  crimeMapping: string;
  otherInformation: string;
  analysis: string;
  sources: { key: string; label: string; mandatory: boolean; used: boolean }[];
  problems: { title: string; prioritised: boolean; causeCount: number; eventChains: string }[];
  /** Indicators of the agreement with at least one value (not suppressed). */
  indicatorsWithValue: number;
  adoptedOn: string | null;
}

export interface MissingItem {
  key: string;
  params?: Record<string, string | number>;
}

export interface Completeness {
  done: number;
  total: number;
  missing: MissingItem[];
}

/** A problem has a cause analysis when it names at least one cause or describes a chain of events. */
export const hasCauseAnalysis = (p: { causeCount: number; eventChains: string }) =>
  p.causeCount > 0 || p.eventChains.trim() !== "";

/**
 * How far the lägesbild has come: one item per required part, each missing one named with an i18n
 * key, so the overview can say "7 av 9 klart" and list what is left.
 */
export function situationCompleteness(f: SituationFacts): Completeness {
  const checks: { ok: boolean; missing: MissingItem }[] = [
    { ok: f.crimeMapping.trim() !== "", missing: { key: "situation.missing.crimeMapping" } },
    { ok: f.otherInformation.trim() !== "", missing: { key: "situation.missing.otherInformation" } },
    { ok: f.analysis.trim() !== "", missing: { key: "situation.missing.analysis" } },
    ...f.sources
      .filter((s) => s.mandatory)
      .map((s) => ({ ok: s.used, missing: { key: "situation.missing.source", params: { source: s.label } } })),
    { ok: f.problems.length > 0, missing: { key: "situation.missing.problem" } },
    { ok: f.problems.some((p) => p.prioritised), missing: { key: "situation.missing.prioritised" } },
  ];
  const withoutCauses = f.problems.filter((p) => p.prioritised && !hasCauseAnalysis(p));
  checks.push({
    ok: f.problems.some((p) => p.prioritised) && withoutCauses.length === 0,
    missing: withoutCauses.length
      ? {
          key: "situation.missing.causeAnalysisFor",
          params: { problems: withoutCauses.map((p) => p.title).join(", ") },
        }
      : { key: "situation.missing.causeAnalysis" },
  });
  checks.push({ ok: f.indicatorsWithValue > 0, missing: { key: "situation.missing.indicator" } });
  checks.push({ ok: f.adoptedOn !== null, missing: { key: "situation.missing.adopted" } });
  return {
    done: checks.filter((c) => c.ok).length,
    total: checks.length,
    missing: checks.filter((c) => !c.ok).map((c) => c.missing),
  };
}
