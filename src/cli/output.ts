import { SingleBar, Presets } from "cli-progress";
import { InvalidArgumentError, Option } from "commander";
import { ConfigError } from "../config";
import { AppError } from "../shared/errors";

/** Prints a result: JSON with --json, else the human text. */
export function emit(json: boolean, value: unknown, human: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}

/** Prints an error the way the user asked for, and sets a non-zero exit code. */
export function fail(json: boolean, error: unknown): void {
  let body: { code: string; message: string; fields?: { path: string; message: string }[] };
  if (error instanceof AppError) body = error.toBody();
  else if (error instanceof ConfigError) body = { code: "CONFIG_INVALID", message: error.message };
  else body = { code: "INTERNAL", message: error instanceof Error ? error.message : String(error) };
  if (json) process.stdout.write(`${JSON.stringify({ error: body }, null, 2)}\n`);
  else {
    process.stderr.write(`Error: ${body.message}\n`);
    for (const field of body.fields ?? []) process.stderr.write(`  ${field.path}: ${field.message}\n`);
  }
  process.exitCode = error instanceof AppError && error.code === "VALIDATION_FAILED" ? 2 : 1;
}

/** A progress reporter: a bar on a terminal, nothing with --json or without a TTY (CI logs stay short). */
export function progressReporter(enabled: boolean) {
  if (!enabled || !process.stderr.isTTY) {
    let lastPhase = "";
    return {
      update(phase: string, _done: number, _total: number) {
        if (enabled && phase !== lastPhase) process.stderr.write(`  ${phase}...\n`);
        lastPhase = phase;
      },
      stop() {},
    };
  }
  const bar = new SingleBar(
    {
      format: "  {phase} [{bar}] {percentage}% | {value}/{total} | ETA {eta}s",
      hideCursor: true,
      clearOnComplete: false,
    },
    Presets.shades_classic,
  );
  let started = false;
  let lastPhase = "";
  return {
    update(phase: string, done: number, total: number) {
      if (!started) {
        bar.start(total, done, { phase });
        started = true;
      } else if (phase !== lastPhase) bar.setTotal(total);
      lastPhase = phase;
      bar.update(done, { phase });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

export const jsonOption = () => new Option("--json", "print the result as JSON");

export function positiveInt(name: string) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 0)
      throw new InvalidArgumentError(`${name} must be a whole number, got "${value}"`);
    return parsed;
  };
}
