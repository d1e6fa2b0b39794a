/**
 * What the jsdom tests of the pane share: Node's Buffer and text codecs (the strict fake and the
 * file adapter use them; jsdom does not provide them), a realistic workbook in the strict fake,
 * and the pane rendered inside Fluent's provider with actions bound to the fake's host.
 */
import { Buffer } from "node:buffer";
import { TextDecoder, TextEncoder } from "node:util";

const g = globalThis as Record<string, unknown>;
g.Buffer ??= Buffer;
g.TextDecoder ??= TextDecoder;
g.TextEncoder ??= TextEncoder;
g.setImmediate ??= (fn: () => void) => setTimeout(fn, 0);
