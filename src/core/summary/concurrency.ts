/**
 * How far the merging of posts has gone in a unit (issue 5 §4): villages whose party cell
 * secretary is also the village head ("bí thư chi bộ đồng thời là trưởng thôn 76/76"), and
 * whether the party secretary is also People's Committee chair, and People's Council chair.
 * Counted per person: a person listed on two rows (one per post) holds both posts. The report's
 * `units[].concurrency` and the `concurrency.` info findings both come from here.
 */
import type { PersonRecord } from "../reader/records";
import { comparisonKey } from "../text/keys";

export interface UnitConcurrency {
  villages: number;
  villagesSecretaryIsHead: number;
  secretaryIsPeoplesCommitteeChair: boolean;
  secretaryIsPeoplesCouncilChair: boolean;
}

/** Who holds the merged posts: the first row of each person. */
export interface ConcurrencyHolders {
  /** Village key → the person (first row) who is both party cell secretary and village head there. */
  villageHeads: Map<string, PersonRecord>;
  /** The party secretary who is also committee chair (first row), if any. */
  committeeChair?: PersonRecord;
  councilChair?: PersonRecord;
}

/**
 * Merged posts among serving rows of one unit. `personOf` gives the same key to rows of one
 * person (default: each row is its own person).
 */
export function concurrencyHolders(records: readonly PersonRecord[], personOf: (rec: PersonRecord) => unknown = (r) => r): ConcurrencyHolders {
  const persons = new Map<unknown, { first: PersonRecord; titles: Set<string>; village?: string }>();
  for (const r of records) {
    if (r.left) continue;
    const key = personOf(r);
    let p = persons.get(key);
    if (!p) persons.set(key, (p = { first: r, titles: new Set() }));
    for (const post of r.posts) if (post.titleId) p.titles.add(post.titleId);
    p.village ??= r.village;
  }
  const out: ConcurrencyHolders = { villageHeads: new Map() };
  for (const p of persons.values()) {
    const has = (id: string) => p.titles.has(id);
    if (has("villagePartySecretary") && has("villageHead")) {
      const k = p.village !== undefined ? comparisonKey(p.village) : `#${p.first.sheet}:${p.first.row}`;
      if (!out.villageHeads.has(k)) out.villageHeads.set(k, p.first);
    }
    if (has("partySecretary") && has("committeeChair")) out.committeeChair ??= p.first;
    if (has("partySecretary") && has("councilChair")) out.councilChair ??= p.first;
  }
  return out;
}

/**
 * Concurrency of one unit from its serving rows.
 * @param villages the unit's number of villages (quota sheet, else distinct villages of the roster)
 * @example unitConcurrency(rows, 76) // { villages: 76, villagesSecretaryIsHead: 76, … }
 */
export function unitConcurrency(records: readonly PersonRecord[], villages: number, personOf?: (rec: PersonRecord) => unknown): UnitConcurrency {
  const h = concurrencyHolders(records, personOf);
  return { villages, villagesSecretaryIsHead: h.villageHeads.size, secretaryIsPeoplesCommitteeChair: h.committeeChair !== undefined, secretaryIsPeoplesCouncilChair: h.councilChair !== undefined };
}
