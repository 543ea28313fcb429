import type { RouteConfigEntry } from "@react-router/dev/routes";

/** Pages of the actions module (file paths are relative to app/). */
export const actionRoutes: RouteConfigEntry[] = [];
