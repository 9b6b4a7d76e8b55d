import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

describe("configuration", () => {
  it("has working defaults", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      databaseUrl: undefined,
      defaultLocale: "en",
      trustProxy: false,
    });
    expect(config.dataDir.endsWith(".tekizai")).toBe(true);
  });

  it("names every bad setting and what would be accepted", () => {
    let error: unknown;
    try {
      loadConfig({ PORT: "70000", DATABASE_URL: "mysql://x", TEKIZAI_DEFAULT_LOCALE: "fr" });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^PORT="70000": must be between 1 and 65535/);
    expect(problems.join("\n")).toMatch(/DATABASE_URL="mysql:\/\/x": must be a PostgreSQL URL/);
    expect(problems.join("\n")).toMatch(/TEKIZAI_DEFAULT_LOCALE="fr": must be one of: en, ja/);
  });

  it("requires a session secret with a PostgreSQL server, and a long one", () => {
    expect(() => loadConfig({ DATABASE_URL: "postgres://localhost/x" })).toThrow(/SESSION_SECRET: required/);
    expect(() => loadConfig({ SESSION_SECRET: "short" })).toThrow(/at least 32/);
    expect(
      loadConfig({ DATABASE_URL: "postgres://localhost/x", SESSION_SECRET: "s".repeat(32) }).databaseUrl,
    ).toBe("postgres://localhost/x");
  });

  it("treats blank values as unset", () => {
    expect(loadConfig({ PORT: "", DATABASE_URL: " " }).port).toBe(3000);
  });
});
