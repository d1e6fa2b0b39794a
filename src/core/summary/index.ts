/**
 * Per-unit and total summaries the report and the summary sheets share: quality per category
 * and concurrency of posts.
 */
import type { WorkbookReading } from "../reader";
import type { PersonRecord } from "../reader/records";
import type { PartialDate } from "../text/dates";
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

/** Quality and concurrency for every unit of a reading, and the totals. */
export function summarize(reading: WorkbookReading, asOf: PartialDate): Summaries {
  const quality = new Map<string, QualityByCategory>();
  const byUnit = new Map<string, PersonRecord[]>();
  for (const u of reading.units) {
    quality.set(u.id, emptyQualityByCategory());
    byUnit.set(u.id, []);
  }
  reading.records.forEach((rec, i) => {
    const id = reading.recordUnitIds[i];
    if (id === undefined || !reading.counted[i] || !rec.category) return;
    addToQuality(quality.get(id)![qualityCategoryOf(rec.category)], rec, asOf);
    byUnit.get(id)!.push(rec);
  });
  const concurrency = new Map<string, UnitConcurrency>();
  for (const u of reading.units) concurrency.set(u.id, unitConcurrency(byUnit.get(u.id)!, u.villages ?? 0));
  const totalQuality = emptyQualityByCategory();
  for (const c of QUALITY_CATEGORIES) totalQuality[c] = sumQuality([...quality.values()].map((q) => q[c]));
  return { quality, concurrency, totalQuality };
}
