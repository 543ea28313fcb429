import type { RouteSpec } from "./router.ts";

/** The cycles endpoints under /api/v1; each declaration feeds Express and the OpenAPI document. */
export function registerCycleRoutes(add: (spec: RouteSpec) => void): void {
  void add;
}
