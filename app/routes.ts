import { type RouteConfig, index, route } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("logga-in", "routes/sign-in.tsx"),
  route("logga-ut", "routes/sign-out.tsx"),
  route("sprak", "routes/locale.tsx"),
  route("overenskommelser", "routes/agreements.tsx"),
  route("overenskommelser/:id", "routes/agreement.tsx"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
