import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { METRIC_IDS, ZMetricDefinition } from "../../shared/metrics-api";
import { listDefinitions } from "./index";

const DOCS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../docs/metrics.md");

describe("the metric catalogue", () => {
  it("defines every metric once, documented in both languages' titles and in English", () => {
    const definitions = listDefinitions();
    expect(definitions.map((d) => d.id)).toEqual([...METRIC_IDS]);
    for (const definition of definitions) {
      ZMetricDefinition.parse(definition);
      expect(
        definition.title.ja && definition.title.en && definition.summary.ja && definition.summary.en,
      ).toBeTruthy();
      for (const text of Object.values(definition.documentation)) expect(text.length).toBeGreaterThan(10);
    }
  });

  it("has every definition in docs/metrics.md", () => {
    const docs = fs.readFileSync(DOCS, "utf8");
    for (const definition of listDefinitions()) {
      expect(docs, definition.id).toContain(`### \`${definition.id}\` — ${definition.title.en}`);
      expect(docs, definition.id).toContain(definition.documentation.rule);
    }
  });

  it("marks the figures without records as no data, and only those", () => {
    const noData = listDefinitions()
      .filter((d) => !d.dataAvailable)
      .map((d) => d.id);
    expect(noData).toEqual([
      "gender_wage_gap_all",
      "gender_wage_gap_regular",
      "gender_wage_gap_non_regular",
      "male_childcare_leave_uptake",
    ]);
  });
});
