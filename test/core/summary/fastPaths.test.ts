/**
 * Issue 10: the summaries and the calendar count large rosters with typed arrays and keys instead
 * of an object per person; they must give what the plain way gives, person by person. Records
 * are generated in code (seeded), with the odd values rosters have: missing parts, repeated
 * persons, values outside the vocabularies.
 */
import { fullMonthsBetween, isoDay, lastDayOfMonth, monthsBetween } from "../../../src/core/calendar";
import type { PersonRecord } from "../../../src/core/reader";
import { concurrencyHolders, concurrencyHoldersByKey, personKeys } from "../../../src/core/summary/concurrency";
import { addToQuality, emptyQuality, QualityTally, sumQuality } from "../../../src/core/summary/quality";
import { activateRuleSet } from "../../../src/core/rulesets/activate";
import { loadPreset } from "../../../src/core/rulesets/load";
import { retirementOf, retirementTableOf } from "../../../src/core/rulesets/retirement";

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];

const TITLES = [undefined, "villagePartySecretary", "villageHead", "partySecretary", "committeeChair", "councilChair", "landConstruction", "committeeViceChair"];
const VILLAGES = [undefined, "Thôn 1", "thôn 1", "Thôn Bắc Sơn", "Bản Mới"];

function people(n: number, seed: number): PersonRecord[] {
  const r = random(seed);
  return Array.from({ length: n }, (_, i) => {
    const posts = Array.from({ length: Math.floor(r() * 3) }, () => ({ text: "chức danh", titleId: pick(r, TITLES) }));
    const rec: PersonRecord = { sheet: "DS", row: i + 5, fields: {}, posts };
    const village = pick(r, VILLAGES);
    if (village !== undefined) rec.village = village;
    if (r() < 0.1) rec.left = true;
    rec.professionalLevel = pick(r, [undefined, "none", "intermediate", "university", "master", "unheardOf" as never]);
    rec.politicalTheory = pick(r, [undefined, "none", "elementary", "advanced"]);
    rec.stateManagement = pick(r, [undefined, "none", "specialist"]);
    rec.generalEducation = pick(r, [undefined, "lowerSecondary", "upperSecondary"]);
    rec.gender = pick(r, [undefined, "male", "female"]);
    if (r() < 0.3) rec.minority = true;
    if (r() < 0.4) rec.partyMember = true;
    const year = 1950 + Math.floor(r() * 60);
    rec.birthDate = pick(r, [undefined, { year, precision: "year" as const }, { year, month: 1 + Math.floor(r() * 12), precision: "month" as const }, { year, month: 2, day: 29, precision: "day" as const }, { year, month: 1 + Math.floor(r() * 12), day: 1 + Math.floor(r() * 28), precision: "day" as const }]);
    return rec;
  });
}

describe("the calendar without Date objects", () => {
  it("gives the days of every month as Date does, leap years and the years Date reads as 19xx included", () => {
    const wrong: number[][] = [];
    for (let year = -20; year <= 2400; year++) {
      for (let month = 0; month <= 13; month++) if (lastDayOfMonth(year, month) !== new Date(Date.UTC(year, month, 0)).getUTCDate()) wrong.push([year, month]);
    }
    expect(wrong).toEqual([]);
    expect([lastDayOfMonth(2024, 2), lastDayOfMonth(1900, 2), lastDayOfMonth(2000, 2), lastDayOfMonth(4, 2)]).toEqual([29, 28, 29, 29]);
  });

  it("counts whole months as the text comparison of the days does", () => {
    const r = random(7);
    const day = () => ({ year: pick(r, [1960, 1999, 2000, 2024, 10000, 5]), month: 1 + Math.floor(r() * 12), day: 1 + Math.floor(r() * 31) });
    const wrong: unknown[] = [];
    for (let i = 0; i < 3000; i++) {
      const a = day();
      const b = day();
      // The former definition: compare the days as "YYYY-MM-DD" text, then count.
      const plain = (from: typeof a, to: typeof b): number => {
        if (isoDay(to) < isoDay(from)) return -plain(to, from);
        let months = (to.year - from.year) * 12 + (to.month - from.month);
        if (to.day < Math.min(from.day, new Date(Date.UTC(to.year, to.month, 0)).getUTCDate())) months--;
        return months;
      };
      if (fullMonthsBetween(a, b) !== plain(a, b) || monthsBetween(a.year, a.month, a.day, b.year, b.month, b.day) !== plain(a, b)) wrong.push([a, b]);
    }
    expect(wrong).toEqual([]);
  });
});

describe("concurrency by person keys", () => {
  it("finds the same holders as grouping by person, with persons on several rows", () => {
    let found = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const records = people(60, seed);
      const r = random(seed + 1000);
      // Some rows are a repeat of an earlier person (the reader's personOf), some have none.
      const personOf = records.map((_, i) => (i > 0 && r() < 0.3 ? Math.floor(r() * i) : i));
      const byObject = concurrencyHolders(records, (rec) => personOf[records.indexOf(rec)]);
      const keys = personKeys(personOf, records.length, "index")!;
      const byKey = concurrencyHoldersByKey(records, records.map((_, i) => keys.keyOf(i)), keys.alone);
      expect(byKey).toEqual(byObject);
      expect([...byKey.villageHeads.keys()]).toEqual([...byObject.villageHeads.keys()]);
      found += byKey.villageHeads.size + (byKey.committeeChair ? 1 : 0) + (byKey.councilChair ? 1 : 0);
    }
    expect(found).toBeGreaterThan(40);
  });

  it("gives up on person keys that are not record indices", () => {
    expect(personKeys([0, 7], 2, "index")).toBeUndefined();
    expect(personKeys([0, 0.5], 2, "own")).toBeUndefined();
    const keys = personKeys([undefined as unknown as number, 0], 2, "own")!;
    expect([keys.keyOf(0), keys.alone(keys.keyOf(0)), keys.keyOf(1), keys.alone(0)]).toEqual([-1, true, 0, true]);
  });
});

describe("the quality tally", () => {
  const table = retirementTableOf(activateRuleSet(loadPreset("nd33-2023")!, "2024-12-31"));
  const asOf = { year: 2024, month: 12, day: 31, precision: "day" as const };

  it("counts every block as addToQuality does, values outside the vocabularies included", () => {
    const records = people(3000, 3);
    const tally = new QualityTally(5);
    const plain = Array.from({ length: 5 }, () => emptyQuality());
    records.forEach((rec, i) => {
      tally.add(i % 5, rec, asOf, table);
      addToQuality(plain[i % 5], rec, asOf, table);
    });
    const blocks = tally.result(asOf, table);
    expect(JSON.stringify(blocks)).toBe(JSON.stringify(plain));
    // A value outside the vocabularies puts the plain sum aside.
    expect(tally.total(0, 1)).toBeUndefined();
  });

  it("sums blocks as sumQuality does", () => {
    const records = people(2000, 4).filter((r) => (r.professionalLevel as string) !== "unheardOf");
    const tally = new QualityTally(6);
    records.forEach((rec, i) => tally.add(i % 6, rec, asOf, table));
    const blocks = tally.result(asOf, table);
    expect(JSON.stringify(tally.total(1, 3))).toBe(JSON.stringify(sumQuality([blocks[1], blocks[4]])));
    expect(JSON.stringify(new QualityTally(0).total(0, 3))).toBe(JSON.stringify(sumQuality([])));
  });
});

describe("retirement by birth month", () => {
  it("keeps one answer per birth month and sex, whole numbers or not", () => {
    const table = retirementTableOf(activateRuleSet(loadPreset("nd33-2023")!, "2024-12-31"))!;
    const a = retirementOf({ year: 1964, month: 3, day: 9, precision: "day" }, "female", table);
    expect(retirementOf({ year: 1964, month: 3, precision: "month" }, "female", table)).toBe(a);
    expect(retirementOf({ year: 1964, month: 3, day: 9, precision: "day" }, "male", table)).not.toEqual(a);
    expect(retirementOf({ year: 1964.5, month: 3, precision: "month" }, "female", table).ageMonths).toBeGreaterThan(0);
  });
});
