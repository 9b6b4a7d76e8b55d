import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { listImportKinds } from "./kinds";
import { parseMappingProfile } from "./mapping/profile";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const DOC = fs.readFileSync(path.join(ROOT, "docs", "import.md"), "utf8");

/** The table row of a field: `| \`name\` | 日本語 |` with any alignment padding. */
function documents(name: string, ja: string): boolean {
  return DOC.split("\n").some((line) => {
    const cells = line.split("|").map((cell) => cell.trim());
    return cells[1] === `\`${name}\`` && cells[2] === ja;
  });
}

describe("docs/import.md", () => {
  it("documents every kind and every canonical column", () => {
    for (const kind of listImportKinds()) {
      expect(DOC).toContain(`### ${kind.name} — `);
      for (const field of kind.fields)
        expect(documents(field.name, field.label.ja), `${kind.name}.${field.name}`).toBe(true);
    }
  });

  it("ships a valid example mapping", () => {
    const mapping = JSON.parse(
      fs.readFileSync(path.join(ROOT, "docs", "examples", "hrdataset-v14.mapping.json"), "utf8"),
    );
    expect(parseMappingProfile(mapping)).toMatchObject({ profile: { kind: "persons", centuryPivot: 30 } });
  });
});
