import type { Readable } from "node:stream";
import { SourceError } from "./detect";

export interface JsonRow {
  rowNumber: number;
  object: Record<string, unknown>;
}

/**
 * Streams the elements of a top-level JSON array, one object at a time (a million-element file is never held
 * whole). Each element is cut out by tracking nesting and strings, then parsed with JSON.parse.
 * `rowNumber` is the element's 1-based index.
 */
export async function* readJsonRows(input: Readable, maxElementChars = 1_000_000): AsyncGenerator<JsonRow> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let started = false;
  let ended = false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let element = "";
  let index = 0;
  let expectValue = true;

  const emit = (): JsonRow => {
    index++;
    let value: unknown;
    try {
      value = JSON.parse(element);
    } catch (err) {
      throw new SourceError(
        `element ${index} of the JSON array is not valid JSON: ${(err as Error).message}`,
        index,
      );
    }
    element = "";
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      throw new SourceError(
        `element ${index} of the JSON array is not an object ({"field": "value", ...})`,
        index,
      );
    }
    return { rowNumber: index, object: value as Record<string, unknown> };
  };

  try {
    for await (const chunk of input) {
      let text: string;
      try {
        text = decoder.decode(chunk as Buffer, { stream: true });
      } catch {
        throw new SourceError("the JSON file is not valid UTF-8");
      }
      for (let i = 0; i < text.length; i++) {
        const ch = text[i]!;
        if (!started) {
          if (ch === "\uFEFF" || /\s/.test(ch)) continue;
          if (ch !== "[")
            throw new SourceError("a JSON import file must be an array of objects ([{...}, {...}])");
          started = true;
          continue;
        }
        if (ended) {
          if (!/\s/.test(ch))
            throw new SourceError("the JSON file has text after the closing ] of its array");
          continue;
        }
        if (depth === 0) {
          if (/\s/.test(ch)) continue;
          if (ch === "]") {
            ended = true;
            continue;
          }
          if (ch === ",") {
            if (expectValue)
              throw new SourceError(`the JSON array has an empty element after element ${index}`, index + 1);
            expectValue = true;
            continue;
          }
          if (!expectValue)
            throw new SourceError(`a comma is missing after element ${index} of the JSON array`, index + 1);
        }
        element += ch;
        if (element.length > maxElementChars) {
          throw new SourceError(
            `element ${index + 1} of the JSON array is longer than ${maxElementChars} characters`,
            index + 1,
          );
        }
        if (inString) {
          if (escaped) escaped = false;
          else if (ch === "\\") escaped = true;
          else if (ch === '"') inString = false;
          if (depth === 0 && !inString) {
            // a bare string element: parsed (and refused as not an object) right away
            expectValue = false;
            yield emit();
          }
          continue;
        }
        if (ch === '"') inString = true;
        else if (ch === "{" || ch === "[") depth++;
        else if (ch === "}" || ch === "]") {
          depth--;
          if (depth === 0) {
            expectValue = false;
            yield emit();
          }
        } else if (depth === 0) {
          // a bare number, true, false or null: read to the next delimiter
          const next = text[i + 1];
          if (next === undefined || next === "," || next === "]" || /\s/.test(next)) {
            expectValue = false;
            yield emit();
          }
        }
      }
    }
  } finally {
    input.destroy();
  }
  if (!started) throw new SourceError("the JSON file is empty");
  if (!ended)
    throw new SourceError(
      `the JSON file ends before its array is closed (after element ${index}): it may be truncated`,
      index + 1,
    );
}
