/**
 * The outcome of the last click, and a tiny event bus the ribbon command and the task pane share.
 * With the shared runtime the two run on one page, but from two bundles (taskpane.js and
 * commands.js), so the bus lives on `globalThis` under a registered symbol: both copies of this
 * module find the same one.
 */
import { engineErrorText, type Bilingual } from "../core/messages";
import { isEngineError } from "../core/errors";
import { toEngineError } from "./errors";

export interface RunOutcome {
  kind: "validated" | "cleared" | "failed";
  /** ISO date-time. */
  at: string;
  /** Counts by severity (after "Kiểm tra hồ sơ"). */
  totals?: { records: number; errors: number; warnings: number; infos: number };
  marked?: number;
  restored?: number;
  keptByUser?: number;
  /** The one line to show. */
  text: Bilingual;
  /** Further lines (what degraded, what was left out). */
  details: Bilingual[];
  /** The engine error's code when the run failed. */
  errorCode?: string;
}

type Listener = (o: RunOutcome) => void;

interface Bus {
  last?: RunOutcome;
  listeners: Set<Listener>;
  paneVisible: boolean;
}

const KEY = Symbol.for("hoso-cbcc.outcome-bus");

function bus(): Bus {
  const g = globalThis as unknown as Record<symbol, Bus | undefined>;
  return (g[KEY] ??= { listeners: new Set(), paneVisible: false });
}

/** Tell everyone (the pane) what happened. */
export function publishOutcome(o: RunOutcome): void {
  const b = bus();
  b.last = o;
  for (const l of [...b.listeners]) {
    try {
      l(o);
    } catch {
      // a listener's failure is its own
    }
  }
}

/** Listen; returns the unsubscribe function. */
export function subscribeOutcome(l: Listener): () => void {
  const b = bus();
  b.listeners.add(l);
  return () => {
    b.listeners.delete(l);
  };
}

/** The last outcome, if any. */
export function lastOutcome(): RunOutcome | undefined {
  return bus().last;
}

export function setPaneVisible(visible: boolean): void {
  bus().paneVisible = visible;
}

export function isPaneVisible(): boolean {
  return bus().paneVisible;
}

/** A failure as an outcome: one bilingual line from the engine error. */
export function failedOutcome(e: unknown, now = Date.now()): RunOutcome {
  const err = isEngineError(e) ? e : toEngineError(e, "marking");
  const t = engineErrorText(err.code, err.params);
  const oneLine = (s: string) => s.replace(/[\r\n]+/g, " ");
  return { kind: "failed", at: new Date(now).toISOString(), text: { vi: oneLine(t.vi), en: oneLine(t.en) }, details: [], errorCode: err.code };
}

/** An outcome as one line in a language. */
export function outcomeLine(o: RunOutcome, lang: "vi" | "en"): string {
  return [o.text[lang], ...o.details.map((d) => d[lang])].join(" ");
}
