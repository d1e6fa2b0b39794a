/**
 * Concurrency of posts per unit (issue 5 §4), as info findings: the villages whose party cell
 * secretary is also the village head ("76/76", on the unit's row of the quota sheet; told for
 * units that list village workers), and a party secretary who is also People's Committee chair,
 * or People's Council chair (on that person's position cell). The same figures are in the
 * report's `units[].concurrency` (summary/concurrency.ts).
 */
import type { FindingDraft } from "../../findings/finding";
import type { PersonRecord } from "../../reader";
import { concurrencyHolders, concurrencyHoldersByKey, personKeys, titleBits, type ConcurrencyHolders } from "../../summary/concurrency";
import { servingIndices } from "../people";
import { postsIndex } from "../run";
import { personFinding, unitFinding } from "../support";
import type { Check, CheckContext } from "../types";

export const concurrency: Check = {
  id: "concurrency.posts",
  emits: ["concurrency.villageSecretaryIsHead", "concurrency.secretaryIsCommitteeChair", "concurrency.secretaryIsCouncilChair"],
  tags: ["concurrency", "unit"],
  run(ctx) {
    const out: FindingDraft[] = [];
    const village = ctx.rule("concurrency.villageSecretaryIsHead");
    const committee = ctx.rule("concurrency.secretaryIsCommitteeChair");
    const council = ctx.rule("concurrency.secretaryIsCouncilChair");
    const holders = holdersPerUnit(ctx);
    ctx.units.forEach((view, u) => {
      const h = holders(u);
      const listsVillages = view.serving.some((r) => r.category === "nonSpecializedVillage");
      if (village && (listsVillages || h.villageHeads.size > 0)) {
        out.push(unitFinding(village, village.severity, view, "villages", { merged: h.villageHeads.size, villages: view.unit.villages ?? 0 }));
      }
      if (committee && h.committeeChair) out.push(personFinding(committee, committee.severity, h.committeeChair, view, "position", {}));
      if (council && h.councilChair) out.push(personFinding(council, council.severity, h.councilChair, view, "position", {}));
    });
    return out;
  },
};

/**
 * The holders of each unit (by its place in `ctx.units`), rows of one person together
 * (`reading.personOf`). The serving rows of a unit are found by record index when they are the
 * reading's records of its id in order (as buildCheckContext makes them), else by identity.
 */
function holdersPerUnit(ctx: CheckContext): (u: number) => ConcurrencyHolders {
  const records = ctx.reading.records;
  const keys = personKeys(ctx.reading.personOf, records.length, "own");
  const unitIds = ctx.reading.recordUnitIds;
  const byId = new Map<string, number[]>();
  const serving = servingIndices(ctx);
  for (let k = 0; k < serving.length; k++) {
    const i = serving[k];
    const id = unitIds[i];
    if (id === undefined) continue;
    const list = byId.get(id);
    if (list) list.push(i);
    else byId.set(id, [i]);
  }
  // The merging titles of a record, once per posts signature.
  const { sig, sample } = postsIndex(ctx);
  const bitsBySig = new Int32Array(sample.length).fill(-1);
  const bitsAt = (i: number): number => {
    const s = sig[i];
    let b = bitsBySig[s];
    if (b < 0) bitsBySig[s] = b = titleBits(records[sample[s]]);
    return b;
  };
  let slow: ((r: PersonRecord) => unknown) | undefined;
  return (u) => {
    const serving = ctx.units[u].serving;
    const indices = byId.get(ctx.units[u].unit.id) ?? [];
    if (keys && indices.length === serving.length && indices.every((i, j) => records[i] === serving[j])) {
      return concurrencyHoldersByKey(serving, indices.map(keys.keyOf), keys.alone, (j) => bitsAt(indices[j]));
    }
    if (!slow) {
      const index = new Map<PersonRecord, number>(records.map((r, i) => [r, i]));
      slow = (r) => ctx.reading.personOf[index.get(r) ?? -1] ?? r;
    }
    return concurrencyHolders(serving, slow);
  };
}
