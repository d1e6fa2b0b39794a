/**
 * Parts of one workbook already inflated and decoded by the reader, for the annotator of the
 * same bytes to take instead of inflating and decoding them again (issue 10: a 100,000-person
 * roster sheet is tens of MB of XML). Only text the annotator would have got itself is kept:
 * the entry's size and CRC-32 checked, UTF-8 without a byte-order mark, decoded strictly.
 * The annotator takes each part once (the cache lets go of it then); drop the cache after.
 */
export class PartCache {
  private readonly texts = new Map<string, string>();

  /** `source`: the workbook bytes the parts come from (a cache is only used with those very bytes). */
  constructor(readonly source: Uint8Array) {}

  /** Keep the text of a part (`name` as stored in the zip). */
  put(name: string, text: string): void {
    this.texts.set(partKey(name), text);
  }

  /** The text of a part, once: the cache forgets it. */
  take(name: string): string | undefined {
    const key = partKey(name);
    const text = this.texts.get(key);
    if (text !== undefined) this.texts.delete(key);
    return text;
  }

  /** Forget every part. */
  clear(): void {
    this.texts.clear();
  }

  get size(): number {
    return this.texts.size;
  }
}

/** Part names are case-insensitive (OPC); a leading slash is not part of the name. */
function partKey(name: string): string {
  return name.replace(/^\/+/, "").toLowerCase();
}

const utf8Strict = new TextDecoder("utf-8", { fatal: true });

/**
 * The text of inflated part bytes as the annotator would read it (UTF-8, no byte-order mark,
 * valid), or undefined when the annotator would read it differently or refuse it.
 */
export function strictUtf8Text(data: Uint8Array): string | undefined {
  const b0 = data[0];
  if ((b0 === 0xef && data[1] === 0xbb && data[2] === 0xbf) || (b0 === 0xff && data[1] === 0xfe) || (b0 === 0xfe && data[1] === 0xff)) return undefined;
  try {
    return utf8Strict.decode(data);
  } catch {
    return undefined;
  }
}
