/**
 * Per-unit and total summaries the report and the summary sheets share: quality per category
 * and concurrency of posts.
 */
import type { WorkbookReading } from "../reader";
import type { PersonRecord } from "../reader/records";
import type { PartialDate } from "../text/dates";
import type { RetirementTable } from "../rulesets/retirement";
import { concurrencyHoldersByKey, concurrencyOf, personKeys, unitConcurrency, type UnitConcurrency } from "./concurrency";
import { emptyQualityByCategory, qualityCategoryOf, sumQuality, QualityTally, QUALITY_CATEGORIES, type QualityByCategory } from "./quality";

export type { QualityBlock, QualityByCategory, QualityCategory, AgeBand } from "./quality";
export type { UnitConcurrency } from "./concurrency";

export interface Summaries {
  /** By unit id. */
  quality: Map<string, QualityByCategory>;
  concurrency: Map<string, UnitConcurrency>;
  totalQuality: QualityByCategory;
}

/**
 * Quality and concurrency for every unit of a reading, and the totals. Quality counts persons
 * counted in staff (people who left and repeated rows are not); age bands follow `retirement`,
 * the active rule set's retirement table (`retirementTableOf(set)`). Concurrency counts serving
 * persons, rows of one person together.
 * @example summarize(reading, asOf, retirementTableOf(chosen.set)).totalQuality.cadreAndCivilServant.count
 */
export function summarize(reading: WorkbookReading, asOf: PartialDate, retirement?: RetirementTable): Summaries {
  // Three blocks per unit id (its quality categories), counted in one tally.
  const blockOf = new Map<string, number>();
  const byUnit = new Map<string, { records: PersonRecord[]; indices: number[] }>();
  for (const u of reading.units) {
    if (!blockOf.has(u.id)) blockOf.set(u.id, blockOf.size * 3);
    byUnit.set(u.id, { records: [], indices: [] });
  }
  const tally = new QualityTally(blockOf.size * 3);
  const records = reading.records;
  let lastId: string | undefined;
  let lastBlock: number | undefined;
  let lastList: { records: PersonRecord[]; indices: number[] } | undefined;
  for (let i = 0; i < records.length; i++) {
    const rec = records[i];
    const id = reading.recordUnitIds[i];
    if (id === undefined) continue;
    if (id !== lastId) {
      lastId = id;
      lastList = byUnit.get(id);
      lastBlock = blockOf.get(id);
    }
    if (!rec.left) {
      if (!lastList) throw new TypeError(`summarize: record ${i} is of unit ${id}, not among the reading's units`);
      lastList.records.push(rec);
      lastList.indices.push(i);
    }
    if (!reading.counted[i] || !rec.category) continue;
    const category = QUALITY_CATEGORIES.indexOf(qualityCategoryOf(rec.category));
    if (lastBlock === undefined || category < 0) throw new TypeError(`summarize: record ${i} (unit ${id}, category ${rec.category}) has no quality block`);
    tally.add(lastBlock + category, rec, asOf, retirement);
  }
  const blocks = tally.result(asOf, retirement);
  const quality = new Map<string, QualityByCategory>();
  for (const [id, b] of blockOf) quality.set(id, { cadreAndCivilServant: blocks[b], nonSpecializedCommune: blocks[b + 1], nonSpecializedVillage: blocks[b + 2] });
  // Rows of one person: the reading's personOf (the index of the person's first row).
  const keys = personKeys(reading.personOf, records.length, "index");
  let personOf: Map<PersonRecord, number> | undefined;
  const concurrency = new Map<string, UnitConcurrency>();
  for (const u of reading.units) {
    const list = byUnit.get(u.id)!;
    if (keys) {
      concurrency.set(u.id, concurrencyOf(concurrencyHoldersByKey(list.records, list.indices.map(keys.keyOf), keys.alone), u.villages ?? 0));
      continue;
    }
    personOf ??= new Map(records.map((rec, i) => [rec, reading.personOf[i] ?? i]));
    const map = personOf;
    concurrency.set(u.id, unitConcurrency(list.records, u.villages ?? 0, (r) => map.get(r)));
  }
  const totalQuality = emptyQualityByCategory();
  QUALITY_CATEGORIES.forEach((c, k) => (totalQuality[c] = tally.total(k, 3) ?? sumQuality([...quality.values()].map((q) => q[c]))));
  return { quality, concurrency, totalQuality };
}
