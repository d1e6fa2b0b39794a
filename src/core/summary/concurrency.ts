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

/** The titles that merge: one bit each. */
const VILLAGE_SECRETARY = 1;
const VILLAGE_HEAD = 2;
const SECRETARY = 4;
const COMMITTEE_CHAIR = 8;
const COUNCIL_CHAIR = 16;

/** The merging titles among a record's posts, as bits (for {@link concurrencyHoldersByKey}). */
export function titleBits(rec: PersonRecord): number {
  let bits = 0;
  for (const post of rec.posts) {
    switch (post.titleId) {
      case "villagePartySecretary":
        bits |= VILLAGE_SECRETARY;
        break;
      case "villageHead":
        bits |= VILLAGE_HEAD;
        break;
      case "partySecretary":
        bits |= SECRETARY;
        break;
      case "committeeChair":
        bits |= COMMITTEE_CHAIR;
        break;
      case "councilChair":
        bits |= COUNCIL_CHAIR;
        break;
    }
  }
  return bits;
}

const merges = (bits: number): boolean =>
  (bits & (VILLAGE_SECRETARY | VILLAGE_HEAD)) === (VILLAGE_SECRETARY | VILLAGE_HEAD) || (bits & (SECRETARY | COMMITTEE_CHAIR)) === (SECRETARY | COMMITTEE_CHAIR) || (bits & (SECRETARY | COUNCIL_CHAIR)) === (SECRETARY | COUNCIL_CHAIR);

/** One person: the first row, the titles of all rows, the first village written. */
interface Person {
  first: PersonRecord;
  bits: number;
  village?: string;
}

/** The holders from persons in order of their first row. */
function holdersOf(persons: Iterable<Person>): ConcurrencyHolders {
  const out: ConcurrencyHolders = { villageHeads: new Map() };
  for (const p of persons) {
    const b = p.bits;
    if ((b & (VILLAGE_SECRETARY | VILLAGE_HEAD)) === (VILLAGE_SECRETARY | VILLAGE_HEAD)) {
      const k = p.village !== undefined ? comparisonKey(p.village) : `#${p.first.sheet}:${p.first.row}`;
      if (!out.villageHeads.has(k)) out.villageHeads.set(k, p.first);
    }
    if ((b & (SECRETARY | COMMITTEE_CHAIR)) === (SECRETARY | COMMITTEE_CHAIR)) out.committeeChair ??= p.first;
    if ((b & (SECRETARY | COUNCIL_CHAIR)) === (SECRETARY | COUNCIL_CHAIR)) out.councilChair ??= p.first;
  }
  return out;
}

/**
 * Merged posts among serving rows of one unit. `personOf` gives the same key to rows of one
 * person (default: each row is its own person).
 */
export function concurrencyHolders(records: readonly PersonRecord[], personOf: (rec: PersonRecord) => unknown = (r) => r): ConcurrencyHolders {
  const persons = new Map<unknown, Person>();
  for (const r of records) {
    if (r.left) continue;
    const key = personOf(r);
    let p = persons.get(key);
    if (!p) persons.set(key, (p = { first: r, bits: 0 }));
    p.bits |= titleBits(r);
    p.village ??= r.village;
  }
  return holdersOf(persons.values());
}

/**
 * {@link concurrencyHolders} with numeric person keys: `keys[j]` is the key of `records[j]`, and
 * `alone(key)` is true only for a key no other row of `records` has (it may be false for any
 * key: those rows are grouped the long way). Rows of a person alone who holds no merged posts
 * cost nothing beyond reading their titles; `bitsOf(j)` gives `titleBits(records[j])`, from
 * elsewhere when the caller knows it.
 */
export function concurrencyHoldersByKey(records: readonly PersonRecord[], keys: ArrayLike<number>, alone: (key: number) => boolean, bitsOf: (j: number) => number = (j) => titleBits(records[j])): ConcurrencyHolders {
  const persons: Person[] = [];
  let grouped: Map<number, Person> | undefined;
  for (let j = 0; j < records.length; j++) {
    const r = records[j];
    const key = keys[j];
    if (alone(key)) {
      // Alone and holding no merged posts: nothing to tell, whether serving or not.
      const bits = bitsOf(j);
      if (!merges(bits) || r.left) continue;
      persons.push(r.village !== undefined ? { first: r, bits, village: r.village } : { first: r, bits });
      continue;
    }
    if (r.left) continue;
    grouped ??= new Map();
    let p = grouped.get(key);
    if (!p) {
      grouped.set(key, (p = { first: r, bits: 0 }));
      persons.push(p);
    }
    p.bits |= bitsOf(j);
    p.village ??= r.village;
  }
  return holdersOf(persons);
}

/** Person keys of a reading's records for {@link concurrencyHoldersByKey}. */
export interface PersonKeys {
  keyOf(index: number): number;
  alone(key: number): boolean;
}

/**
 * Person keys from `personOf` (a reading's: the index of each record's first row): a record
 * without an entry is its own person, keyed by its index (`missing: "index"`, where other rows
 * may point at it) or by a key no other record has (`missing: "own"`). Undefined when an entry is
 * not a record index (then group by {@link concurrencyHolders}).
 */
export function personKeys(personOf: readonly (number | undefined)[], n: number, missing: "index" | "own"): PersonKeys | undefined {
  const count = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = personOf[i];
    if (p === undefined) {
      if (missing === "index") count[i]++;
      continue;
    }
    if (!Number.isInteger(p) || p < 0 || p >= n) return undefined;
    count[p]++;
  }
  return {
    keyOf: (i) => personOf[i] ?? (missing === "index" ? i : -(i + 1)),
    alone: (key) => key < 0 || count[key] === 1,
  };
}

/**
 * Concurrency of one unit from its serving rows.
 * @param villages the unit's number of villages (quota sheet, else distinct villages of the roster)
 * @example unitConcurrency(rows, 76) // { villages: 76, villagesSecretaryIsHead: 76, … }
 */
export function unitConcurrency(records: readonly PersonRecord[], villages: number, personOf?: (rec: PersonRecord) => unknown): UnitConcurrency {
  return concurrencyOf(concurrencyHolders(records, personOf), villages);
}

/** The figures of a unit from its holders. */
export function concurrencyOf(h: ConcurrencyHolders, villages: number): UnitConcurrency {
  return { villages, villagesSecretaryIsHead: h.villageHeads.size, secretaryIsPeoplesCommitteeChair: h.committeeChair !== undefined, secretaryIsPeoplesCouncilChair: h.councilChair !== undefined };
}
