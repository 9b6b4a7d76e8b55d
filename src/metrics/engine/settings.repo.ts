import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { metricSettings } from "../metrics.schema";

/** Sensitive figures counting fewer people than this are withheld (reference/metrics.md "Small groups"). */
export const DEFAULT_SMALL_GROUP_THRESHOLD = 5;

export async function smallGroupThreshold(db: Db): Promise<number> {
  const [row] = await db.select().from(metricSettings).where(eq(metricSettings.key, "small_group_threshold"));
  const value = Number(row?.value);
  return Number.isInteger(value) && value >= 1 ? value : DEFAULT_SMALL_GROUP_THRESHOLD;
}

export async function setSmallGroupThreshold(db: Db, threshold: number): Promise<void> {
  await db
    .insert(metricSettings)
    .values({ key: "small_group_threshold", value: threshold })
    .onConflictDoUpdate({ target: metricSettings.key, set: { value: threshold, updatedAt: sql`now()` } });
}
