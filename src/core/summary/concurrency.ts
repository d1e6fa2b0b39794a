/**
 * How far the merging of posts has gone in a unit (issue 5 §4): villages whose party cell
 * secretary is also the village head ("bí thư chi bộ đồng thời là trưởng thôn 76/76"), and
 * whether the party secretary is also People's Committee chair, and People's Council chair.
 */
import type { PersonRecord } from "../reader/records";
import { comparisonKey } from "../text/keys";

export interface UnitConcurrency {
  villages: number;
  villagesSecretaryIsHead: number;
  secretaryIsPeoplesCommitteeChair: boolean;
  secretaryIsPeoplesCouncilChair: boolean;
}

/**
 * Concurrency of one unit from its counted records.
 * @param villages the unit's number of villages (quota sheet, else distinct villages of the roster)
 */
export function unitConcurrency(records: PersonRecord[], villages: number): UnitConcurrency {
  const merged = new Set<string>();
  let committee = false;
  let council = false;
  for (const r of records) {
    const ids = new Set(r.posts.map((p) => p.titleId));
    if (ids.has("villagePartySecretary") && ids.has("villageHead")) merged.add(comparisonKey(r.village ?? `#${r.sheet}:${r.row}`));
    if (ids.has("partySecretary") && ids.has("committeeChair")) committee = true;
    if (ids.has("partySecretary") && ids.has("councilChair")) council = true;
  }
  return { villages, villagesSecretaryIsHead: merged.size, secretaryIsPeoplesCommitteeChair: committee, secretaryIsPeoplesCouncilChair: council };
}
