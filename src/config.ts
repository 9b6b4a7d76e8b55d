import path from "node:path";
import { z } from "zod";
import { LOCALES, type Locale } from "./shared/enums";

/**
 * Tekizai's configuration, read from the environment once at start-up. Nothing else reads `process.env`.
 * A bad setting stops the process with a message naming the setting and what would be accepted.
 */
export interface Config {
  port: number;
  host: string;
  /** Embedded database directory (used when databaseUrl is not set). */
  dataDir: string;
  /** A PostgreSQL server; when set, the embedded database is not used. */
  databaseUrl: string | undefined;
  /** Signs session cookies. Generated and kept in the data directory for the embedded database when not given. */
  sessionSecret: string | undefined;
  defaultLocale: Locale;
  /** Trust X-Forwarded-* from a reverse proxy (needed for Secure cookies and client IPs behind HTTPS). */
  trustProxy: boolean;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** E-mail for notifications (optional): an SMTP URL and the From address; undefined = in-app only. */
  mail: { smtpUrl: string; from: string } | undefined;
}

const ZEnv = z.object({
  PORT: z.coerce
    .number({ error: "must be a port number" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 65535")
    .max(65535, "must be between 1 and 65535")
    .default(3000),
  HOST: z.string().min(1, "must not be empty").default("127.0.0.1"),
  TEKIZAI_DATA_DIR: z.string().min(1, "must not be empty").default("./.tekizai"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, "must be a PostgreSQL URL such as postgres://user@host:5432/db")
    .optional(),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters long").optional(),
  TEKIZAI_DEFAULT_LOCALE: z.enum(LOCALES, { error: `must be one of: ${LOCALES.join(", ")}` }).default("en"),
  TEKIZAI_TRUST_PROXY: z
    .enum(["true", "false", "1", "0"], { error: "must be true or false" })
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "must be one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("warn"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, "must be an SMTP URL such as smtp://user:password@mail.example.com:587")
    .optional(),
  TEKIZAI_MAIL_FROM: z.string().email("must be an e-mail address such as tekizai@example.com").optional(),
});

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment (blank values count as unset). Throws ConfigError naming every bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""),
  );
  const parsed = ZEnv.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? "environment");
        return `${name}=${JSON.stringify(present[name] ?? "")}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  if (e.DATABASE_URL && !e.SESSION_SECRET) {
    throw new ConfigError(["SESSION_SECRET: required with DATABASE_URL (at least 32 random characters)"]);
  }
  if (e.SMTP_URL && !e.TEKIZAI_MAIL_FROM) {
    throw new ConfigError([
      "TEKIZAI_MAIL_FROM: required with SMTP_URL (the From address of notification e-mails)",
    ]);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.TEKIZAI_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    sessionSecret: e.SESSION_SECRET,
    defaultLocale: e.TEKIZAI_DEFAULT_LOCALE,
    trustProxy: e.TEKIZAI_TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    mail: e.SMTP_URL && e.TEKIZAI_MAIL_FROM ? { smtpUrl: e.SMTP_URL, from: e.TEKIZAI_MAIL_FROM } : undefined,
  };
}
