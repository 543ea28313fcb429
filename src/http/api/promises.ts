import type { RouteSpec } from "./router.ts";

/** The promises endpoints under /api/v1; each declaration feeds Express and the OpenAPI document. */
export function registerPromiseRoutes(add: (spec: RouteSpec) => void): void {
  void add;
}
