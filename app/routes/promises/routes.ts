import type { RouteConfigEntry } from "@react-router/dev/routes";

/** Pages of the promises module (file paths are relative to app/). */
export const promiseRoutes: RouteConfigEntry[] = [];
