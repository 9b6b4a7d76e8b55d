import fs from "node:fs";
import zlib from "node:zlib";

/**
 * Just enough of the ZIP format to look inside an .xlsx without loading it: list the entries (central
 * directory) and stream one entry's text. Used to check that a ZIP is a workbook and to find merged cells,
 * which exceljs's streaming reader skips.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = fs.readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, read);
}

/** The entries of a ZIP file, or undefined when its directory cannot be read (not a ZIP, or ZIP64). */
export function listZipEntries(file: string): ZipEntry[] | undefined {
  const fd = fs.openSync(file, "r");
  try {
    const size = fs.fstatSync(fd).size;
    const tailLength = Math.min(size, 65_557);
    const tail = readAt(fd, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return undefined;
    const count = tail.readUInt16LE(eocd + 10);
    const directorySize = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    if (directoryOffset === 0xffffffff || directoryOffset + directorySize > size) return undefined;
    const directory = readAt(fd, directoryOffset, directorySize);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let n = 0; n < count && p + 46 <= directory.length; n++) {
      if (directory.readUInt32LE(p) !== 0x02014b50) return undefined;
      const nameLength = directory.readUInt16LE(p + 28);
      const extraLength = directory.readUInt16LE(p + 30);
      const commentLength = directory.readUInt16LE(p + 32);
      entries.push({
        name: directory.toString("utf8", p + 46, p + 46 + nameLength),
        method: directory.readUInt16LE(p + 10),
        compressedSize: directory.readUInt32LE(p + 20),
        localHeaderOffset: directory.readUInt32LE(p + 42),
      });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    fs.closeSync(fd);
  }
}

/** Streams an entry's content as text chunks. */
export async function* readZipEntryText(file: string, entry: ZipEntry): AsyncGenerator<string> {
  const fd = fs.openSync(file, "r");
  let start: number;
  try {
    const header = readAt(fd, entry.localHeaderOffset, 30);
    if (header.readUInt32LE(0) !== 0x04034b50) return;
    start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  } finally {
    fs.closeSync(fd);
  }
  if (entry.compressedSize === 0) return;
  const raw = fs.createReadStream(file, { start, end: start + entry.compressedSize - 1 });
  const stream = entry.method === 8 ? raw.pipe(zlib.createInflateRaw()) : raw;
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of stream) yield decoder.decode(chunk as Buffer, { stream: true });
}

/** Merged ranges of a worksheet entry, e.g. [{ from: "A1", to: "C1", firstRow: 1, lastRow: 1 }]. */
export async function mergedRanges(
  file: string,
  entryName: string,
): Promise<{ ref: string; firstRow: number; lastRow: number }[]> {
  const entry = listZipEntries(file)?.find((e) => e.name === entryName);
  if (!entry) return [];
  const ranges: { ref: string; firstRow: number; lastRow: number }[] = [];
  const pattern = /<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/g;
  let carry = "";
  for await (const text of readZipEntryText(file, entry)) {
    const window = carry + text;
    // merged cells come after the sheet data: skip scanning until the element appears
    let lastEnd = 0;
    for (const match of window.matchAll(pattern)) {
      const firstRow = Number(match[2]);
      const lastRow = match[4] ? Number(match[4]) : firstRow;
      ranges.push({
        ref: `${match[1]}${match[2]}${match[3] ? `:${match[3]}${match[4]}` : ""}`,
        firstRow,
        lastRow,
      });
      lastEnd = (match.index ?? 0) + match[0].length;
    }
    carry = window.slice(Math.max(lastEnd, window.length - 200));
  }
  return ranges;
}
