import { data } from "react-router";

export function loader() {
  throw data({ messageKey: "common.notFound" }, { status: 404 });
}

export default function NotFound() {
  return null;
}
