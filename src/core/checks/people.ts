/**
 * What the person checks share: the serving rows with their unit, one row per person for checks
 * about the person rather than the post (retirement: a person listed twice retires once), the
 * reporting date as a day, the retirement of a person under the rule set's table, and the title
 * ids a rule's value switches on.
 */
import { dayOfIso, type Day } from "../calendar";
import type { PersonRecord } from "../reader";
import { retirementOf, retirementTableOf, type Retirement, type RetirementTable } from "../rulesets/retirement";
import { isPlainObject } from "../rulesets/shape";
import type { JsonValue } from "../rulesets/types";
import { columnAt, postsIndex, runData } from "./run";
import { dataKeys } from "./support";
import type { CheckContext, UnitView } from "./types";

/** A serving person row, its index in the reading and its unit (when known). */
export interface ServingRow {
  rec: PersonRecord;
  index: number;
  view?: UnitView;
}

/**
 * Serving rows (people who left are not checked), in roster order. With `onePerPerson`, only the
 * first serving row of each person (rows the reader found to be the same person).
 */
export function servingRows(ctx: CheckContext, options: { onePerPerson?: boolean } = {}): ServingRow[] {
  const cached = cacheOf(ctx);
  const key = options.onePerPerson ? "oneRows" : "allRows";
  const hit = cached[key];
  if (hit) return hit;
  const out: ServingRow[] = [];
  forEachServing(ctx, (rec, view, index) => out.push(view ? { rec, index, view } : { rec, index }), options);
  return (cached[key] = out);
}

/**
 * Visit each serving row's record, unit view and index in roster order: the loop every person
 * check runs, with no object per row (see {@link servingIndices}).
 */
export function forEachServing(ctx: CheckContext, visit: (rec: PersonRecord, view: UnitView | undefined, index: number) => void, options: { onePerPerson?: boolean } = {}): void {
  const { viewAt } = runData(ctx);
  const records = ctx.reading.records;
  const serving = servingIndices(ctx, options);
  for (let k = 0; k < serving.length; k++) {
    const index = serving[k];
    visit(records[index], viewAt[index], index);
  }
}

/**
 * The same rows as {@link servingRows}, as indices into `reading.records` (the checks read the
 * record and `runData(ctx).viewAt` by index, with no object per row).
 */
export function servingIndices(ctx: CheckContext, options: { onePerPerson?: boolean } = {}): Int32Array {
  // Eight checks ask for the same rows: computed once per run (the context is the run's).
  const cached = cacheOf(ctx);
  const key = options.onePerPerson ? "one" : "all";
  return (cached[key] ??= computeServingIndices(ctx, options.onePerPerson === true));
}

interface ServingCache {
  one?: Int32Array;
  all?: Int32Array;
  oneRows?: ServingRow[];
  allRows?: ServingRow[];
}

const SERVING = new WeakMap<CheckContext, ServingCache>();

function cacheOf(ctx: CheckContext): ServingCache {
  let cached = SERVING.get(ctx);
  if (!cached) SERVING.set(ctx, (cached = {}));
  return cached;
}

function computeServingIndices(ctx: CheckContext, onePerPerson: boolean): Int32Array {
  const records = ctx.reading.records;
  const personOf = ctx.reading.personOf;
  const n = records.length;
  // Persons already seen: their keys are record indices (a typed array), anything else in a set.
  const seenIndex = onePerPerson ? new Uint8Array(n) : undefined;
  const seenOther = new Set<number>();
  const out = new Int32Array(n);
  let count = 0;
  for (let index = 0; index < n; index++) {
    if (records[index].left) continue;
    if (seenIndex) {
      const person = personOf[index] ?? index;
      if (person >= 0 && person < n && Number.isInteger(person)) {
        if (seenIndex[person] === 1) continue;
        seenIndex[person] = 1;
      } else {
        if (seenOther.has(person)) continue;
        seenOther.add(person);
      }
    }
    out[count++] = index;
  }
  return out.subarray(0, count);
}

/** The reporting date as a day. */
export function asOfDay(ctx: CheckContext): Day {
  return dayOfIso(ctx.asOf);
}

/** The retirement table of the run (overrides applied), or undefined. */
export function retirementTable(ctx: CheckContext): RetirementTable | undefined {
  return retirementTableOf(ctx.ruleSet);
}

/** A person's retirement, when the birth date and the sex are known. */
export function retirementOfRecord(rec: PersonRecord, table: RetirementTable | undefined): Retirement | undefined {
  if (!table || !rec.birthDate || !rec.gender) return undefined;
  // Several checks need the same person's retirement: retirementOf keeps it per birth month and sex.
  return retirementOf(rec.birthDate, rec.gender, table);
}

/** Keys of a flags object (`{ "landConstruction": true, "status": … }`) that are switched on. */
export function flagsOn(value: JsonValue | undefined): Set<string> {
  return new Set(isPlainObject(value) ? dataKeys(value).filter((k) => value[k] === true) : []);
}

/** The first post of a person whose title is in `titles`. */
export function firstTitleIn(rec: PersonRecord, titles: ReadonlySet<string>): string | undefined {
  for (const p of rec.posts) if (p.titleId !== undefined && titles.has(p.titleId)) return p.titleId;
  return undefined;
}

/**
 * {@link firstTitleIn} for the records of a run by index, worked out once per posts signature
 * (run.ts): the records' posts are not read again.
 */
export function firstTitleAt(ctx: CheckContext, titles: ReadonlySet<string>): (index: number) => string | undefined {
  const { sig, sample } = postsIndex(ctx);
  const records = ctx.reading.records;
  const memo: (string | null | undefined)[] = new Array<string | null | undefined>(sample.length);
  return (index) => {
    const s = sig[index];
    let t = memo[s];
    if (t === undefined) memo[s] = t = firstTitleIn(records[sample[s]], titles) ?? null;
    return t ?? undefined;
  };
}

/**
 * The column of a field on a roster sheet (the first one when it spreads over several), so a
 * finding about an empty cell sits on that cell rather than on the name.
 */
export function columnOf(ctx: CheckContext, sheet: string, field: string): number | undefined {
  return columnAt(ctx, sheet, field);
}
