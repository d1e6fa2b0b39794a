/**
 * Concurrency of posts per unit (issue 5 §4), as info findings: the villages whose party cell
 * secretary is also the village head ("76/76", on the unit's row of the quota sheet; told for
 * units that list village workers), and a party secretary who is also People's Committee chair,
 * or People's Council chair (on that person's position cell). The same figures are in the
 * report's `units[].concurrency` (summary/concurrency.ts).
 */
import type { FindingDraft } from "../../findings/finding";
import type { PersonRecord } from "../../reader";
import { concurrencyHolders } from "../../summary/concurrency";
import { personFinding, unitFinding } from "../support";
import type { Check } from "../types";

export const concurrency: Check = {
  id: "concurrency.posts",
  emits: ["concurrency.villageSecretaryIsHead", "concurrency.secretaryIsCommitteeChair", "concurrency.secretaryIsCouncilChair"],
  tags: ["concurrency", "unit"],
  run(ctx) {
    const out: FindingDraft[] = [];
    const index = new Map<PersonRecord, number>(ctx.reading.records.map((r, i) => [r, i]));
    const personOf = (r: PersonRecord) => ctx.reading.personOf[index.get(r) ?? -1] ?? r;
    const village = ctx.rule("concurrency.villageSecretaryIsHead");
    const committee = ctx.rule("concurrency.secretaryIsCommitteeChair");
    const council = ctx.rule("concurrency.secretaryIsCouncilChair");
    for (const view of ctx.units) {
      const h = concurrencyHolders(view.serving, personOf);
      const listsVillages = view.serving.some((r) => r.category === "nonSpecializedVillage");
      if (village && (listsVillages || h.villageHeads.size > 0)) {
        out.push(unitFinding(village, village.severity, view, "villages", { merged: h.villageHeads.size, villages: view.unit.villages ?? 0 }));
      }
      if (committee && h.committeeChair) out.push(personFinding(committee, committee.severity, h.committeeChair, view, "position", {}));
      if (council && h.councilChair) out.push(personFinding(council, council.severity, h.councilChair, view, "position", {}));
    }
    return out;
  },
};
