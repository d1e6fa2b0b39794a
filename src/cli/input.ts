/**
 * Reading an input file named on the command line: its bytes, or one {@link EngineError}
 * (not found, not a file, unreadable) that the CLI prints as one bilingual line.
 */
import { readFileSync, statSync } from "node:fs";
import { EngineError, isEngineError } from "../core/errors";

export function readInputFile(path: string): Uint8Array {
  try {
    if (!statSync(path).isFile()) throw new EngineError("file.unreadable", { file: path, reason: "không phải tệp / not a file" });
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    if (isEngineError(e)) throw e;
    const code = (e as { code?: string }).code;
    if (code === "ENOENT") throw new EngineError("file.notFound", { file: path });
    throw new EngineError("file.unreadable", { file: path, reason: code ?? "?" });
  }
}
