import { route, type RouteConfigEntry } from "@react-router/dev/routes";

const cycle = "overenskommelser/:id/cykler/:cycleId";

/** Pages of the actions module (file paths are relative to app/). */
export const actionRoutes: RouteConfigEntry[] = [
  route(`${cycle}/atgardsplan`, "routes/actions/plan.tsx"),
  route(`${cycle}/atgarder/ny`, "routes/actions/new.tsx"),
  route(`${cycle}/atgarder/:actionId`, "routes/actions/action.tsx"),
  route(`${cycle}/atgarder/:actionId/andra`, "routes/actions/edit.tsx"),
  route(`${cycle}/uppfoljning`, "routes/actions/report.tsx"),
  route(`${cycle}/kommunikation`, "routes/actions/communication.tsx"),
];
