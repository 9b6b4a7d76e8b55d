/**
 * Builds the web app into web/dist unless the bundle is newer than every input (web/src, web/index.html, the Vite
 * and TypeScript configs, package-lock.json). `npm start` calls it so that a restart does not rebuild for nothing;
 * `--force` always builds. The test command builds unconditionally (`npm run build:web`).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bundle = path.join(root, "web/dist/index.html");
const inputs = ["web/src", "web/index.html", "web/vite.config.ts", "web/tsconfig.json", "package-lock.json"];

function newestModification(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry))
    newest = Math.max(newest, newestModification(path.join(entry, child)));
  return newest;
}

const force = process.argv.includes("--force");
const built = fs.statSync(bundle, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const newestInput = Math.max(...inputs.map((input) => newestModification(path.join(root, input))));
if (force || built < newestInput) {
  execFileSync(
    process.execPath,
    [
      path.join(root, "node_modules/vite/bin/vite.js"),
      "build",
      "--config",
      "web/vite.config.ts",
      "--logLevel",
      "warn",
    ],
    { cwd: root, stdio: "inherit" },
  );
}
