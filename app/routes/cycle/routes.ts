import { route, type RouteConfigEntry } from "@react-router/dev/routes";

/** Pages of the cycle module (file paths are relative to app/). */
export const cycleRoutes: RouteConfigEntry[] = [
  route("overenskommelser/:id/cykler", "routes/cycle/cycles.tsx"),
  route("overenskommelser/:id/cykler/:cycleId", "routes/cycle/cycle.tsx"),
  route("overenskommelser/:id/cykler/:cycleId/lagesbild", "routes/cycle/situation.tsx"),
  route("overenskommelser/:id/cykler/:cycleId/problem/:problemId", "routes/cycle/problem.tsx"),
  route("overenskommelser/:id/cykler/:cycleId/prioritering", "routes/cycle/prioritisation.tsx"),
  route("overenskommelser/:id/installningar", "routes/cycle/settings.tsx"),
  route("overenskommelser/:id/indikatorer", "routes/cycle/indicators.tsx"),
  route("overenskommelser/:id/indikatorer/:indicatorId", "routes/cycle/indicator.tsx"),
];
