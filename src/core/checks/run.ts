/**
 * What the checks of one run share, computed once per context and dropped with it (a WeakMap
 * keyed by the context; never kept across runs): the unit view of each record by its index in
 * the reading, the person key of each record, and the column of a field on a sheet.
 *
 * A context is read, not changed, while the checks run: build a new one (buildCheckContext) for
 * changed records or units.
 */
import { columnNumber } from "../address";
import type { PersonRecord } from "../reader";
import type { CapMemo } from "./caps";
import type { CheckContext, UnitView } from "./types";

/**
 * The posts of every record by their titles and categories: records whose posts have the same
 * title ids and categories in the same order share a signature, so a check works out what a
 * signature means once (on its sample record) and reads each record's posts no more.
 */
export interface PostsIndex {
  /** Signature of each record (same index as `reading.records`). */
  sig: Int32Array;
  /** Index of the first record of each signature. */
  sample: number[];
}

export interface RunData {
  /**
   * The view of each record (same index as `reading.records`): the last view whose `records`
   * list it, as a map over the views' records gives; undefined for a record of no view.
   */
  viewAt: (UnitView | undefined)[];
  /** Memo of {@link columnAt}. */
  columns: Map<string, number | undefined>;
  /** The regime's caps by kind and class (caps.ts). */
  caps: CapMemo;
  posts?: PostsIndex;
}

const RUNS = new WeakMap<CheckContext, RunData>();
/** Views buildCheckContext made, with the record indices of each (so no map by record is needed). */
const BUILT = new WeakMap<CheckContext, { units: readonly UnitView[]; viewAt: (UnitView | undefined)[] }>();

/** Called by buildCheckContext: the views it made, by record index. */
export function rememberViews(ctx: CheckContext, viewAt: (UnitView | undefined)[]): void {
  BUILT.set(ctx, { units: ctx.units, viewAt });
}

function sameViews(a: readonly UnitView[], b: readonly UnitView[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function viewsByRecord(ctx: CheckContext): (UnitView | undefined)[] {
  const built = BUILT.get(ctx);
  if (built && built.viewAt.length === ctx.reading.records.length && sameViews(built.units, ctx.units)) return built.viewAt;
  // A context put together by hand: by record identity.
  const viewOf = new Map<PersonRecord, UnitView>();
  for (const v of ctx.units) for (const r of v.records) viewOf.set(r, v);
  return ctx.reading.records.map((r) => viewOf.get(r));
}

/** The run's shared data. */
export function runData(ctx: CheckContext): RunData {
  let data = RUNS.get(ctx);
  if (!data) RUNS.set(ctx, (data = { viewAt: viewsByRecord(ctx), columns: new Map(), caps: new Map() }));
  return data;
}

/**
 * The column of a field on a roster sheet (the first one when it spreads over several), so a
 * finding about an empty cell sits on that cell rather than on the name.
 */
export function columnAt(ctx: CheckContext, sheet: string, field: string): number | undefined {
  const memo = runData(ctx).columns;
  const key = `${sheet}\u0000${field}`;
  if (memo.has(key)) return memo.get(key);
  const columns = ctx.reading.sheets.find((s) => s.name === sheet)?.columns as Record<string, string | string[] | undefined> | undefined;
  const letters = columns?.[field];
  const col = letters === undefined ? undefined : columnNumber(Array.isArray(letters) ? letters[0] : letters);
  memo.set(key, col);
  return col;
}

/** The run's {@link PostsIndex}. */
export function postsIndex(ctx: CheckContext): PostsIndex {
  const data = runData(ctx);
  return (data.posts ??= indexPosts(ctx.reading.records));
}

const NONE = "\u0003";

function indexPosts(records: readonly PersonRecord[]): PostsIndex {
  const sig = new Int32Array(records.length);
  const sample: number[] = [];
  // One post (the usual case): by title, then category, with no text made; several: by a key.
  const single = new Map<string | undefined, Map<string | undefined, number>>();
  const several = new Map<string, number>();
  let empty = -1;
  for (let i = 0; i < records.length; i++) {
    const posts = records[i].posts;
    let s: number | undefined;
    if (posts.length === 0) {
      if (empty < 0) {
        empty = sample.length;
        sample.push(i);
      }
      s = empty;
    } else if (posts.length === 1) {
      const p = posts[0];
      let byCategory = single.get(p.titleId);
      if (!byCategory) single.set(p.titleId, (byCategory = new Map()));
      s = byCategory.get(p.category);
      if (s === undefined) {
        byCategory.set(p.category, (s = sample.length));
        sample.push(i);
      }
    } else {
      let key = "";
      for (const p of posts) key += `${p.titleId ?? NONE}\u0001${p.category ?? NONE}\u0002`;
      s = several.get(key);
      if (s === undefined) {
        several.set(key, (s = sample.length));
        sample.push(i);
      }
    }
    sig[i] = s;
  }
  return { sig, sample };
}
