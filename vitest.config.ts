import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    reporters: ["default", "./test/support/summary-reporter.ts"],
    // Two test files at a time even on two cores (Vitest's default is one fewer than the cores): the integration
    // tests spend much of their time waiting on the PostgreSQL server, so a second worker cut the run by a quarter.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: "server",
          include: ["src/**/*.test.ts", "web/src/**/*.test.ts"],
          globalSetup: ["test/support/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          pool: "forks",
          // The integration tests first, then the browser tests one file at a time with the machine to themselves.
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          globalSetup: ["test/support/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: "forks",
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
