import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function filesUnder(dir: string, pattern: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

/**
 * What the cached demo group depends on: the generator's code and data, the migrations, the as-of date and the
 * way the bench prepares it. A change to any of them makes a new cache entry (the old one is removed).
 */
export function demoFingerprint(today: string, preparation: string): string {
  const hash = createHash("sha256").update(`${today}\n${preparation}\n`);
  const files = [
    ...filesUnder(path.join(ROOT, "src", "demo"), /\.(ts|json|csv|tsv|txt)$/),
    ...filesUnder(path.join(ROOT, "src", "db", "migrations"), /\.(sql|json)$/),
  ];
  for (const file of files) {
    hash.update(path.relative(ROOT, file)).update("\0").update(fs.readFileSync(file)).update("\0");
  }
  return hash.digest("hex").slice(0, 10);
}
