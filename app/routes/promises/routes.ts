import { route, type RouteConfigEntry } from "@react-router/dev/routes";

/** Pages of the promises module (file paths are relative to app/). */
export const promiseRoutes: RouteConfigEntry[] = [
  route("overenskommelser/:id/medborgarloften", "routes/promises/list.tsx"),
  route("overenskommelser/:id/medborgarloften/nytt", "routes/promises/new.tsx"),
  route("overenskommelser/:id/medborgarloften/forhandsvisning", "routes/promises/preview.tsx"),
  route("overenskommelser/:id/medborgarloften/:promiseId", "routes/promises/promise.tsx"),
  route("overenskommelser/:id/medborgarloften/:promiseId/avsluta", "routes/promises/close.tsx"),
  // Public: no sign-in (src/http/app.ts serves /kommun/:slug from a rendered-page cache).
  route("kommun", "routes/promises/public-index.tsx"),
  route("kommun/:slug", "routes/promises/public-kommun.tsx"),
];
