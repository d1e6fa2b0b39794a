/**
 * What the person checks share: the serving rows with their unit, one row per person for checks
 * about the person rather than the post (retirement: a person listed twice retires once), the
 * reporting date as a day, the retirement of a person under the rule set's table, and the title
 * ids a rule's value switches on.
 */
import { columnNumber } from "../address";
import { dayOfIso, type Day } from "../calendar";
import type { PersonRecord } from "../reader";
import { retirementOf, retirementTableOf, type Retirement, type RetirementTable } from "../rulesets/retirement";
import { isPlainObject } from "../rulesets/shape";
import type { JsonValue } from "../rulesets/types";
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
  // Eight checks ask for the same rows: computed once per run (the context is the run's).
  let cached = SERVING.get(ctx);
  if (!cached) SERVING.set(ctx, (cached = {}));
  const key = options.onePerPerson ? "one" : "all";
  return (cached[key] ??= computeServingRows(ctx, options));
}

const SERVING = new WeakMap<CheckContext, { one?: ServingRow[]; all?: ServingRow[] }>();

function computeServingRows(ctx: CheckContext, options: { onePerPerson?: boolean }): ServingRow[] {
  const viewOf = new Map<PersonRecord, UnitView>();
  for (const v of ctx.units) for (const r of v.records) viewOf.set(r, v);
  const seen = new Set<number>();
  const out: ServingRow[] = [];
  ctx.reading.records.forEach((rec, index) => {
    if (rec.left) return;
    if (options.onePerPerson) {
      const person = ctx.reading.personOf[index] ?? index;
      if (seen.has(person)) return;
      seen.add(person);
    }
    const view = viewOf.get(rec);
    out.push(view ? { rec, index, view } : { rec, index });
  });
  return out;
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
  // Several checks need the same person's retirement under the same table: computed once.
  let byRecord = RETIREMENT.get(table);
  if (!byRecord) RETIREMENT.set(table, (byRecord = new WeakMap()));
  if (byRecord.has(rec)) return byRecord.get(rec);
  const r = retirementOf(rec.birthDate, rec.gender, table);
  byRecord.set(rec, r);
  return r;
}

const RETIREMENT = new WeakMap<RetirementTable, WeakMap<PersonRecord, Retirement | undefined>>();

/** Keys of a flags object (`{ "landConstruction": true, "status": … }`) that are switched on. */
export function flagsOn(value: JsonValue | undefined): Set<string> {
  return new Set(isPlainObject(value) ? dataKeys(value).filter((k) => value[k] === true) : []);
}

/** The first post of a person whose title is in `titles`. */
export function firstTitleIn(rec: PersonRecord, titles: ReadonlySet<string>): string | undefined {
  return rec.posts.find((p) => p.titleId !== undefined && titles.has(p.titleId))?.titleId;
}

/**
 * The column of a field on a roster sheet (the first one when it spreads over several), so a
 * finding about an empty cell sits on that cell rather than on the name.
 */
export function columnOf(ctx: CheckContext, sheet: string, field: string): number | undefined {
  const columns = ctx.reading.sheets.find((s) => s.name === sheet)?.columns as Record<string, string | string[] | undefined> | undefined;
  const letters = columns?.[field];
  if (letters === undefined) return undefined;
  return columnNumber(Array.isArray(letters) ? letters[0] : letters);
}
