/**
 * Per-unit and total summaries the report and the summary sheets share: quality per category
 * and concurrency of posts.
 */
import type { WorkbookReading } from "../reader";
import type { PersonRecord } from "../reader/records";
import type { PartialDate } from "../text/dates";
import type { RetirementTable } from "../rulesets/retirement";
import { unitConcurrency, type UnitConcurrency } from "./concurrency";
import { addToQuality, emptyQualityByCategory, qualityCategoryOf, sumQuality, QUALITY_CATEGORIES, type QualityByCategory } from "./quality";

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
  const quality = new Map<string, QualityByCategory>();
  const byUnit = new Map<string, PersonRecord[]>();
  for (const u of reading.units) {
    quality.set(u.id, emptyQualityByCategory());
    byUnit.set(u.id, []);
  }
  const personOf = new Map<PersonRecord, number>();
  reading.records.forEach((rec, i) => {
    const id = reading.recordUnitIds[i];
    personOf.set(rec, reading.personOf[i] ?? i);
    if (id === undefined) return;
    if (!rec.left) byUnit.get(id)!.push(rec);
    if (!reading.counted[i] || !rec.category) return;
    addToQuality(quality.get(id)![qualityCategoryOf(rec.category)], rec, asOf, retirement);
  });
  const concurrency = new Map<string, UnitConcurrency>();
  for (const u of reading.units) concurrency.set(u.id, unitConcurrency(byUnit.get(u.id)!, u.villages ?? 0, (r) => personOf.get(r)));
  const totalQuality = emptyQualityByCategory();
  for (const c of QUALITY_CATEGORIES) totalQuality[c] = sumQuality([...quality.values()].map((q) => q[c]));
  return { quality, concurrency, totalQuality };
}
