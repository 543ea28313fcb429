import type { RouteConfigEntry } from "@react-router/dev/routes";

/** Pages of the cycle module (file paths are relative to app/). */
export const cycleRoutes: RouteConfigEntry[] = [];
