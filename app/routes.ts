import { type RouteConfig, index, route } from "@react-router/dev/routes";
import { cycleRoutes } from "./routes/cycle/routes.ts";
import { actionRoutes } from "./routes/actions/routes.ts";
import { promiseRoutes } from "./routes/promises/routes.ts";
import { taskRoutes } from "./routes/tasks/routes.ts";

export default [
  index("routes/home.tsx"),
  route("logga-in", "routes/sign-in.tsx"),
  route("logga-ut", "routes/sign-out.tsx"),
  route("sprak", "routes/locale.tsx"),
  route("overenskommelser", "routes/agreements.tsx"),
  route("overenskommelser/ny", "routes/agreement-new.tsx"),
  route("overenskommelser/:id", "routes/agreement.tsx"),
  route("overenskommelser/:id/andra", "routes/agreement-edit.tsx"),
  route("overenskommelser/:id/undertecknare", "routes/agreement-signatories.tsx"),
  route("overenskommelser/:id/grupper", "routes/agreement-bodies.tsx"),
  route("overenskommelser/:id/fokusomraden", "routes/agreement-focus-areas.tsx"),
  route("overenskommelser/:id/bilagor", "routes/agreement-annexes.tsx"),
  route("overenskommelser/:id/bilagor/:annexId/fil", "routes/agreement-annex-file.tsx"),
  route("overenskommelser/:id/avsluta", "routes/agreement-terminate.tsx"),
  route("organisationer", "routes/organisations.tsx"),
  route("organisationer/ny", "routes/organisation-new.tsx"),
  route("organisationer/:id", "routes/organisation.tsx"),
  route("anvandare", "routes/users.tsx"),
  route("api-nycklar", "routes/api-tokens.tsx"),
  route("importera", "routes/import.tsx"),
  // The yearly cycle's modules declare their own pages.
  ...cycleRoutes,
  ...actionRoutes,
  ...promiseRoutes,
  ...taskRoutes,
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
