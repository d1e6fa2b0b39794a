/**
 * Writing output files safely: never over the input, never over an existing file without
 * --force, and through a temporary file in the same folder renamed into place, so a failure
 * leaves nothing half-written.
 */
import { existsSync, renameSync, rmSync, writeFileSync, realpathSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { EngineError } from "../core/errors";

function samePath(a: string, b: string): boolean {
  const ra = resolve(a);
  const rb = resolve(b);
  if (ra === rb) return true;
  try {
    return existsSync(rb) && realpathSync(ra) === realpathSync(rb);
  } catch {
    return false;
  }
}

/** Check an output path before any work is done (so a refusal costs nothing). */
export function checkOutputPath(out: string, input: string, force: boolean | undefined): void {
  if (samePath(out, input)) throw new EngineError("output.sameAsInput", { file: out });
  if (existsSync(out) && !force) throw new EngineError("output.exists", { file: out });
}

/** Write bytes atomically: a temporary file beside the target, then a rename. */
export function writeAtomically(path: string, bytes: Uint8Array | string): void {
  const tmp = join(dirname(resolve(path)), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing more to clean
    }
    throw new EngineError("output.unwritable", { file: path, reason: (e as { code?: string }).code });
  }
}
