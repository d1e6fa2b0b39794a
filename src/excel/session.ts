/**
 * One `Excel.run` of ours: the request context, the host, and the count of round trips, with a
 * packer that queues operations until the next would pass the payload budget and then syncs
 * (never one sync per row or cell: docs "Minimize the number of sync() calls").
 */
import type { ExcelHost } from "./host";
import { PAYLOAD_BUDGET_BYTES } from "./limits";

/** Round trips and sizes of one run (what the tests assert). */
export interface SyncStats {
  /** `context.sync()` calls. */
  syncs: number;
  /** Our largest estimate of one request's payload (bytes of JSON). */
  largestRequestBytes: number;
  /** The largest response we measured (bytes of JSON of what was loaded). */
  largestResponseBytes: number;
}

export function emptyStats(): SyncStats {
  return { syncs: 0, largestRequestBytes: 0, largestResponseBytes: 0 };
}

export class Session {
  readonly stats: SyncStats;
  private pendingBytes = 0;

  constructor(
    readonly ctx: Excel.RequestContext,
    readonly host: ExcelHost,
    stats?: SyncStats,
    readonly budget = PAYLOAD_BUDGET_BYTES,
  ) {
    this.stats = stats ?? emptyStats();
  }

  /** Send what is queued. */
  async sync(): Promise<void> {
    this.stats.syncs++;
    this.stats.largestRequestBytes = Math.max(this.stats.largestRequestBytes, this.pendingBytes);
    this.pendingBytes = 0;
    await this.ctx.sync();
  }

  /** Note a measured response size. */
  response(bytes: number): void {
    this.stats.largestResponseBytes = Math.max(this.stats.largestResponseBytes, bytes);
  }

  /**
   * Queue operations of about `bytes` of payload: when they would push the pending request past
   * the budget, what is pending is sent first. A single operation larger than the budget is the
   * caller's mistake (callers cut their data in chunks).
   */
  async add(bytes: number, queue: () => void): Promise<void> {
    if (this.pendingBytes > 0 && this.pendingBytes + bytes > this.budget) await this.sync();
    queue();
    this.pendingBytes += bytes;
  }

  /** Send what is pending, if anything. */
  async flush(): Promise<void> {
    if (this.pendingBytes > 0) await this.sync();
  }

  /** Bytes queued and not yet sent. */
  get pending(): number {
    return this.pendingBytes;
  }
}
