/**
 * The worker pool of `consolidate`: up to `jobs` worker threads, one file each at a time, so at
 * most `jobs` workbooks are in memory at once; each worker's heap is capped, and a worker that
 * runs out of memory (or crashes) costs only its file, which is reported unreadable, and is
 * replaced. Worker threads rather than child processes: the outcomes come back by structured
 * clone without a JSON round trip, and a thread starts in a fraction of a process's time.
 */
import { extname, join } from "node:path";
import { Worker } from "node:worker_threads";
import type { FileOutcome } from "../core/consolidate";
import { EngineError } from "../core/errors";
import { unreadableOutcome, type ConsolidateInputOptions } from "../file/consolidateInput";
import type { WorkerReply, WorkerTask } from "./consolidateWorker";

export interface PoolOptions {
  jobs: number;
  options: ConsolidateInputOptions;
  /** Heap limit of each worker, MB. */
  heapMb: number;
}

/** The worker script next to this file; from TypeScript sources (tsx, jest) it is loaded through tsx's require hook. */
function startWorker(o: PoolOptions): Worker {
  const ext = extname(__filename);
  const script = join(__dirname, `consolidateWorker${ext}`);
  const opts = { workerData: { consolidate: true, options: o.options }, resourceLimits: { maxOldGenerationSizeMb: o.heapMb }, stdout: false, stderr: false };
  if (ext === ".ts") {
    const hook = require.resolve("tsx/cjs");
    return new Worker(`require(${JSON.stringify(hook)}); require(${JSON.stringify(script)});`, { ...opts, eval: true });
  }
  return new Worker(script, opts);
}

/** Raised when no worker could start at all (the caller then reads the files in its own thread). */
export class PoolStartError extends Error {}

/**
 * Run every task; `onOutcome` gets each file's outcome as it finishes (in any order).
 * Resolves when all are done; rejects with {@link PoolStartError} when the first worker cannot start.
 */
export function runInWorkers(tasks: { path: string; name: string }[], o: PoolOptions, onOutcome: (index: number, outcome: FileOutcome) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let next = 0;
    let finished = 0;
    let everReplied = false;
    let failed = false;
    const workers = new Set<{ worker: Worker; task?: number }>();
    const settle = (index: number, outcome: FileOutcome) => {
      onOutcome(index, outcome);
      finished++;
    };
    const closeAll = () => {
      for (const w of workers) void w.worker.terminate();
      workers.clear();
    };
    const feed = (slot: { worker: Worker; task?: number }) => {
      if (next >= tasks.length) {
        slot.task = undefined;
        workers.delete(slot);
        void slot.worker.terminate();
        if (finished === tasks.length && workers.size === 0) resolve();
        return;
      }
      const index = next++;
      slot.task = index;
      const msg: WorkerTask = { id: index, path: tasks[index].path, name: tasks[index].name };
      slot.worker.postMessage(msg);
    };
    const spawn = () => {
      let worker: Worker;
      try {
        worker = startWorker(o);
      } catch (e) {
        failed = true;
        closeAll();
        reject(new PoolStartError(e instanceof Error ? e.message : String(e)));
        return;
      }
      const slot: { worker: Worker; task?: number } = { worker };
      workers.add(slot);
      worker.on("message", (reply: WorkerReply) => {
        everReplied = true;
        if (slot.task === reply.id) settle(reply.id, reply.outcome);
        feed(slot);
      });
      const lost = (err: unknown) => {
        if (failed || !workers.has(slot)) return;
        workers.delete(slot);
        if (!everReplied && slot.task !== undefined && (err as { code?: string } | undefined)?.code !== "ERR_WORKER_OUT_OF_MEMORY") {
          // The very first worker died before doing anything: workers cannot start here.
          failed = true;
          closeAll();
          reject(new PoolStartError(err instanceof Error ? err.message : String(err)));
          return;
        }
        if (slot.task !== undefined) {
          const t = tasks[slot.task];
          const oom = (err as { code?: string } | undefined)?.code === "ERR_WORKER_OUT_OF_MEMORY";
          const reason = oom ? `không đủ bộ nhớ, giới hạn ${o.heapMb} MB / out of memory, limit ${o.heapMb} MB` : `lỗi khi đọc / reader crashed: ${err instanceof Error ? err.message : String(err)}`;
          settle(slot.task, unreadableOutcome(t.name, new EngineError("file.unreadable", { file: t.name, reason })));
          slot.task = undefined;
        }
        if (next < tasks.length) spawn();
        else if (finished === tasks.length && workers.size === 0) resolve();
      };
      worker.on("error", lost);
      worker.on("exit", (code) => {
        if (code !== 0 || slot.task !== undefined) lost(new Error(`worker exited with code ${code}`));
      });
      feed(slot);
    };
    if (tasks.length === 0) {
      resolve();
      return;
    }
    for (let i = 0; i < Math.min(o.jobs, tasks.length); i++) spawn();
  });
}
