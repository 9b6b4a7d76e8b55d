/**
 * What a file is, from its first bytes: refuse what is not an import file (binary, PDF, old .xls, a ZIP that
 * is not a workbook), tell CSV from JSON from Excel, and UTF-8 from Shift_JIS (CP932).
 */

export const SOURCE_FORMATS = ["csv", "xlsx", "json"] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];
export const ENCODINGS = ["utf8", "cp932"] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** A problem with the file as a whole: nothing of it is imported. */
export class SourceError extends Error {
  constructor(
    message: string,
    /** Row of the file where it was found, when known. */
    readonly rowNumber: number = 0,
  ) {
    super(message);
    this.name = "SourceError";
  }
}

const startsWith = (sample: Buffer, bytes: number[]) => bytes.every((b, i) => sample[i] === b);

/** Refuses files that are plainly not CSV, JSON or .xlsx, naming what they look like. */
export function refuseForeignFile(sample: Buffer): void {
  if (sample.length === 0) throw new SourceError("the file is empty");
  if (startsWith(sample, [0x25, 0x50, 0x44, 0x46]))
    throw new SourceError("the file is a PDF, not CSV, Excel (.xlsx) or JSON");
  if (startsWith(sample, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new SourceError("the file is an old Excel .xls workbook: save it as .xlsx or CSV and import that");
  }
  if (startsWith(sample, [0x1f, 0x8b])) throw new SourceError("the file is gzip-compressed: unpack it first");
  if (startsWith(sample, [0x50, 0x4b, 0x03, 0x04])) return; // a ZIP: .xlsx is checked when opened
  if (startsWith(sample, [0xff, 0xfe]) || startsWith(sample, [0xfe, 0xff])) {
    throw new SourceError("the file is UTF-16 text: save it as UTF-8 (or Shift_JIS) and import that");
  }
  const nul = sample.indexOf(0);
  if (nul >= 0) {
    throw new SourceError(
      `the file is binary (a zero byte at offset ${nul}), not CSV, Excel (.xlsx) or JSON`,
    );
  }
  let control = 0;
  for (const byte of sample)
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  if (control > Math.max(8, sample.length / 100)) {
    throw new SourceError(
      "the file is binary (it holds many control characters), not CSV, Excel (.xlsx) or JSON",
    );
  }
}

export function detectFormat(sample: Buffer): SourceFormat {
  if (startsWith(sample, [0x50, 0x4b, 0x03, 0x04])) return "xlsx";
  let i = startsWith(sample, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (
    i < sample.length &&
    (sample[i] === 0x20 || sample[i] === 0x09 || sample[i] === 0x0a || sample[i] === 0x0d)
  )
    i++;
  if (sample[i] === 0x5b) return "json"; // [
  if (sample[i] === 0x7b)
    throw new SourceError("a JSON import file must be an array of objects ([{...}, {...}]), not one object");
  return "csv";
}

/**
 * Whether the bytes are valid UTF-8. A multi-byte sequence cut off at the end of the sample (`partialEnd`)
 * does not count against it.
 */
export function isValidUtf8(bytes: Buffer, partialEnd: boolean): boolean {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    let extra: number;
    if (byte < 0x80) extra = 0;
    else if (byte >= 0xc2 && byte <= 0xdf) extra = 1;
    else if (byte >= 0xe0 && byte <= 0xef) extra = 2;
    else if (byte >= 0xf0 && byte <= 0xf4) extra = 3;
    else return false;
    if (i + extra >= bytes.length && extra > 0) return partialEnd;
    for (let k = 1; k <= extra; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return false;
    i += extra + 1;
  }
  return true;
}

/** UTF-8 when the sample is valid UTF-8, else Shift_JIS (CP932) — Japanese Excel's CSV default. */
export function detectEncoding(sample: Buffer, wholeFile: boolean): Encoding {
  return isValidUtf8(sample, !wholeFile) ? "utf8" : "cp932";
}

/** Picks the delimiter that splits the header line most often (outside quotes): , ; tab or |. */
export function detectDelimiter(firstLine: string): string {
  const counts = new Map<string, number>([
    [",", 0],
    [";", 0],
    ["\t", 0],
    ["|", 0],
  ]);
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ",";
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}
