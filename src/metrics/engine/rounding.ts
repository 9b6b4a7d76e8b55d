/** Rounding of reported values, exact for ratios of whole numbers (no binary floating-point surprises). */

export type Rounding = "half_up" | "truncate";

/** numerator ÷ denominator × 100, to `decimals` places; null when the denominator is 0. Inputs must be whole numbers. */
export function percent(
  numerator: number,
  denominator: number,
  decimals: number,
  rounding: Rounding = "half_up",
): number | null {
  if (denominator === 0) return null;
  const scale = 10 ** decimals;
  const scaled = numerator * 100 * scale;
  let quotient = Math.floor(scaled / denominator);
  const remainder = scaled - quotient * denominator;
  if (rounding === "half_up" && remainder * 2 >= denominator) quotient += 1;
  return quotient / scale;
}

/** A measured average, rounded half-up to `decimals` places. */
export function roundHalfUp(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  // the small epsilon absorbs representation error (2.25 stored as 2.2499999...)
  return Math.floor(value * scale + 0.5 + 1e-9) / scale;
}
