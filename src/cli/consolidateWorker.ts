/**
 * A worker thread of `consolidate`: reads one file at a time from disk (so the main thread never
 * holds file bytes), validates it and posts back its compact outcome.
 * Messages in: { id, path, name }. Messages out: { id, outcome }.
 */
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import type { FileOutcome } from "../core/consolidate";
import { validateInputFile, unreadableOutcome, type ConsolidateInputOptions } from "../file/consolidateInput";
import { EngineError } from "../core/errors";

export interface WorkerTask {
  id: number;
  path: string;
  name: string;
}

export interface WorkerReply {
  id: number;
  outcome: FileOutcome;
}

/** Read and validate one input file; never throws. */
export function processInput(path: string, name: string, options: ConsolidateInputOptions): FileOutcome {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (e) {
    const code = (e as { code?: string }).code;
    return unreadableOutcome(name, code === "ENOENT" ? new EngineError("file.notFound", { file: name }) : new EngineError("file.unreadable", { file: name, reason: code ?? "?" }));
  }
  return validateInputFile(bytes, name, options);
}

if (parentPort && (workerData as { consolidate?: boolean } | undefined)?.consolidate) {
  const options = (workerData as { options: ConsolidateInputOptions }).options;
  const port = parentPort;
  port.on("message", (task: WorkerTask) => {
    const reply: WorkerReply = { id: task.id, outcome: processInput(task.path, task.name, options) };
    port.postMessage(reply);
  });
}
