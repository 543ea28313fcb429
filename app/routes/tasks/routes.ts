import type { RouteConfigEntry } from "@react-router/dev/routes";

/** Pages of the tasks module (file paths are relative to app/). */
export const taskRoutes: RouteConfigEntry[] = [];
