import { route, type RouteConfigEntry } from "@react-router/dev/routes";

/** Pages of the tasks module (file paths are relative to app/). */
export const taskRoutes: RouteConfigEntry[] = [
  route("overenskommelser/:id/arshjul", "routes/tasks/calendar.tsx"),
  route("mina-installningar", "routes/tasks/my-settings.tsx"),
  route("att-gora", "routes/tasks/todo.tsx"),
  // The ".ics" is part of the token segment: the loader strips it.
  route("kalender/:token", "routes/tasks/feed.tsx"),
  route("atgard-lank/:token", "routes/tasks/one-click.tsx"),
];
