import type { RouteSpec } from "./router.ts";

/** The actions endpoints under /api/v1; each declaration feeds Express and the OpenAPI document. */
export function registerActionRoutes(add: (spec: RouteSpec) => void): void {
  void add;
}
