/**
 * A one-line progress bar on stderr, only when stderr is a terminal: files done / total, person
 * rows read, elapsed time. Redrawn at most ten times a second; nothing at all otherwise.
 */
export interface ProgressIo {
  stderr: (s: string) => void;
  now: () => number;
  interactive: boolean;
}

const WIDTH = 24;

function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, "0")}`;
}

export class Progress {
  private done = 0;
  private rows = 0;
  private readonly start: number;
  private lastDraw = -Infinity;
  private drawn = false;

  constructor(private readonly io: ProgressIo, private readonly total: number) {
    this.start = io.now();
  }

  /** One more file finished, with the person rows it held. */
  tick(rows: number): void {
    this.done++;
    this.rows += rows;
    this.draw(this.done === this.total);
  }

  /** The current line (for tests and for the final draw). */
  line(): string {
    const filled = this.total === 0 ? WIDTH : Math.round((WIDTH * this.done) / this.total);
    const bar = "█".repeat(filled) + "░".repeat(WIDTH - filled);
    return `[${bar}] ${this.done}/${this.total} tệp / files · ${this.rows.toLocaleString("vi-VN")} dòng / rows · ${clock(this.io.now() - this.start)}`;
  }

  private draw(force: boolean): void {
    if (!this.io.interactive) return;
    const t = this.io.now();
    if (!force && t - this.lastDraw < 100) return;
    this.lastDraw = t;
    this.io.stderr(`\r${this.line()}\u001b[K`);
    this.drawn = true;
  }

  /** End the bar's line. */
  finish(): void {
    if (!this.io.interactive || !this.drawn) return;
    this.io.stderr("\n");
  }
}
