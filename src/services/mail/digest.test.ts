import { describe, expect, it } from "vitest";
import type { TodoLine } from "../../domain/cycles/stale.ts";
import { DIGEST_LINES_PER_SECTION, renderDigest } from "./digest.ts";

const task = (n: number): TodoLine =>
  ({
    kind: "task",
    id: `t${n}`,
    title: `Uppgift ${n}`,
    href: `/overenskommelser/a/arshjul`,
    agreementTitle: "Överenskommelse",
    dueOn: "2026-11-01",
    daysLate: 30,
  }) as TodoLine;

describe("the weekly digest", () => {
  it("lists the most urgent lines of a long section and links to the rest", () => {
    const overdue = Array.from({ length: DIGEST_LINES_PER_SECTION + 5 }, (_, i) => task(i + 1));
    const mail = renderDigest({
      locale: "sv",
      name: "Sara",
      week: "2026-W49",
      list: { today: "2026-12-01", overdue, upcoming: [], waiting: [] },
      baseUrl: "https://samverkan.example",
      oneClickUrl: () => "https://samverkan.example/atgard-lank/x",
    });
    expect(mail.text).toContain(`Uppgift ${DIGEST_LINES_PER_SECTION} (`);
    expect(mail.text).not.toContain(`Uppgift ${DIGEST_LINES_PER_SECTION + 1} (`);
    expect(mail.text).toContain("… och 5 till: https://samverkan.example/att-gora");
    expect(mail.html).toContain('href="https://samverkan.example/att-gora"');
  });
});
