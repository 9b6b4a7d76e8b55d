import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliEnv, runTekizai, TEKIZAI_BIN } from "../../test/support/cli";

/** Runs the real `tekizai` command against an embedded data directory of its own. */
const tekizai = (dataDir: string, args: string[], input?: string) =>
  runTekizai(dataDir, args, { input: input ?? "", timeoutMs: 60_000 });

describe("the tekizai command", () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tekizai-cli-"));
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("migrates a new embedded database and reports it as JSON", () => {
    const result = tekizai(dataDir, ["migrate", "--json"]);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ engine: "pglite", upToDate: true });
  });

  it("creates the first administrator, reading the password from standard input, and lists users", () => {
    const created = tekizai(
      dataDir,
      [
        "users",
        "create",
        "--role",
        "group-hr",
        "--email",
        "Admin@Example.com",
        "--name",
        "Admin",
        "--password-stdin",
        "--json",
      ],
      "a-very-long-password\n",
    );
    expect(created.status, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({
      email: "admin@example.com",
      roles: [{ role: "group_hr", companyId: null }],
    });
    const listed = tekizai(dataDir, ["users", "list", "--json"]);
    expect(JSON.parse(listed.stdout).items.map((u: { email: string }) => u.email)).toEqual([
      "admin@example.com",
    ]);
  });

  it("explains bad input with the flag named and a non-zero exit", () => {
    const short = tekizai(dataDir, [
      "users",
      "create",
      "--role",
      "group-hr",
      "--email",
      "x@example.com",
      "--password",
      "short",
    ]);
    expect(short.status).toBe(2);
    expect(short.stderr).toContain("--password: must be at least 12 characters");
    const noCompany = tekizai(dataDir, [
      "users",
      "create",
      "--role",
      "company-hr",
      "--email",
      "y@example.com",
      "--password",
      "long-enough-password",
      "--json",
    ]);
    expect(noCompany.status).toBe(2);
    expect(JSON.parse(noCompany.stdout).error.fields[0]).toEqual({
      path: "--company",
      message: "company-hr needs --company CODE",
    });
    const badRole = tekizai(dataDir, [
      "users",
      "create",
      "--role",
      "boss",
      "--email",
      "z@example.com",
      "--password",
      "long-enough-password",
    ]);
    expect(badRole.status).not.toBe(0);
    expect(badRole.stderr).toMatch(/boss.*Allowed choices are employee, manager, company-hr, group-hr/s);
    const duplicate = tekizai(dataDir, [
      "users",
      "create",
      "--role",
      "group-hr",
      "--email",
      "admin@example.com",
      "--password",
      "long-enough-password",
    ]);
    expect(duplicate.status).toBe(1);
    expect(duplicate.stderr).toContain("email: a user with this email already exists");
  });

  it("fails fast on a bad setting, naming it", () => {
    const result = runTekizai(dataDir, ["migrate"], { env: { PORT: "not-a-port" } });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('PORT="not-a-port"');
  });

  it("refuses to open the embedded database while a server holds it, with a clear message", async () => {
    const server = spawn(process.execPath, [TEKIZAI_BIN, "start", "--no-demo", "--port", "0", "--json"], {
      env: cliEnv(dataDir),
    });
    try {
      const started = await new Promise<{ url: string }>((resolve, reject) => {
        let out = "";
        server.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          try {
            resolve(JSON.parse(out) as { url: string });
          } catch {
            // not complete yet
          }
        });
        server.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
      });
      expect(started).toMatchObject({ engine: "pglite", demo: false });
      const blocked = tekizai(dataDir, ["users", "list"]);
      expect(blocked.status).toBe(1);
      expect(blocked.stderr).toContain("is in use by another Tekizai process");
    } finally {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
    }
    expect(tekizai(dataDir, ["users", "list"]).status).toBe(0);
  });
});
