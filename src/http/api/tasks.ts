import type { RouteSpec } from "./router.ts";

/** The tasks endpoints under /api/v1; each declaration feeds Express and the OpenAPI document. */
export function registerTaskRoutes(add: (spec: RouteSpec) => void): void {
  void add;
}
