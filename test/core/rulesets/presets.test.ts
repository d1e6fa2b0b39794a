import { CHECKS } from "../../../src/core/checks";
import { capFor } from "../../../src/core/checks/caps";
import { ENGINE_RULES } from "../../../src/core/checks/engineRules";
import type { UnitView } from "../../../src/core/checks/types";
import { ruleText } from "../../../src/core/findings/catalogue";
import type { CommuneClass, UnitKind } from "../../../src/core/report/types";
import { activateRuleSet, severityFor, valueStatus } from "../../../src/core/rulesets/activate";
import { loadPreset, presetIds } from "../../../src/core/rulesets/load";
import { REGIMES, regimeForDate } from "../../../src/core/rulesets/regimes";
import { isPlainObject } from "../../../src/core/rulesets/shape";
import type { JsonValue } from "../../../src/core/rulesets/types";
import { RULE_IDS } from "../../../src/core/rulesets/values";

function unit(kind: UnitKind | undefined, communeClass: CommuneClass | undefined): UnitView {
  return { unit: { id: "u", name: "Quảng Lợi", ...(kind ? { kind } : {}), ...(communeClass ? { communeClass } : {}), staff: { cadre: 0, civilServant: 0, nonSpecializedCommune: 0, nonSpecializedVillage: 0 } }, records: [], serving: [] };
}

function nextDay(iso: string): string {
  return new Date(Date.parse(iso + "T00:00:00Z") + 86400000).toISOString().slice(0, 10);
}

/** Every leaf path of a value. */
function leafPaths(v: JsonValue | undefined, prefix = ""): string[] {
  if (!isPlainObject(v)) return prefix === "" ? [] : [prefix];
  return Object.entries(v).flatMap(([k, x]) => (k === "status" || k === "note" ? [] : leafPaths(x, prefix === "" ? k : `${prefix}.${k}`)));
}

describe("the presets", () => {
  it.each(presetIds())("%s passes the rule-file schema and every rule has its texts in the catalogue", (id) => {
    const p = loadPreset(id)!;
    expect(p.id).toBe(id);
    expect(Object.keys(p.rules).length).toBeGreaterThan(5);
    for (const rule of Object.values(p.rules)) {
      expect(RULE_IDS).toContain(rule.id);
      expect(ruleText(rule.id)?.title.vi).toBeTruthy();
      expect(rule.description.length).toBeGreaterThan(20);
      expect(rule.basis.text).toMatch(/Nghị định|Thông tư|Luật|Bộ luật|CV|Hướng dẫn|Quyết định|Thống kê/);
    }
  });

  it("cover the four regimes in date order without gaps, and regimes.ts reads its dates from them", () => {
    expect(presetIds()).toEqual(["nd92-2009", "nd34-2019", "nd33-2023", "law80-2025"]);
    expect(REGIMES.map((r) => r.id)).toEqual(presetIds());
    for (let i = 0; i + 1 < REGIMES.length; i++) expect(nextDay(REGIMES[i].to!)).toBe(REGIMES[i + 1].from);
    expect(REGIMES[REGIMES.length - 1].to).toBeUndefined();
  });

  it.each([
    ["2009-10-22", "nd92-2009"],
    ["2019-06-24", "nd92-2009"],
    ["2019-06-25", "nd34-2019"],
    ["2023-07-31", "nd34-2019"],
    ["2023-08-01", "nd33-2023"],
    ["2025-06-30", "nd33-2023"],
    ["2025-07-01", "law80-2025"],
    ["2026-11-28", "law80-2025"],
  ])("on %s the regime in force is %s", (date, id) => {
    expect(regimeForDate(date).id).toBe(id);
  });

  it("every rule a check emits is either a rule-set rule or an engine rule, and every rule-set rule has a check", () => {
    const emitted = CHECKS.flatMap((c) => c.emits);
    for (const id of emitted) expect([...RULE_IDS, ...ENGINE_RULES.map((r) => r.id)]).toContain(id);
    for (const id of RULE_IDS) expect(emitted).toContain(id);
    expect(new Set(CHECKS.map((c) => c.id)).size).toBe(CHECKS.length);
    for (const r of ENGINE_RULES) expect(ruleText(r.id)).toBeDefined();
  });
});

describe("caps per class (quota.overCap) in each regime", () => {
  it.each([
    // preset, date, kind, class, cán bộ + công chức, không chuyên trách cấp xã
    ["nd92-2009", "2015-01-01", "xã", "I", 25, 22],
    ["nd92-2009", "2015-01-01", "phường", "II", 23, 20],
    ["nd92-2009", "2015-01-01", "thị trấn", "III", 21, 19],
    ["nd34-2019", "2020-01-01", "xã", "I", 23, 14],
    ["nd34-2019", "2020-01-01", "phường", "II", 21, 12],
    ["nd34-2019", "2020-01-01", "xã", "III", 19, 10],
    ["nd33-2023", "2024-01-01", "phường", "I", 23, 14],
    ["nd33-2023", "2024-01-01", "phường", "II", 21, 12],
    ["nd33-2023", "2024-01-01", "phường", "III", 19, 10],
    ["nd33-2023", "2024-01-01", "xã", "I", 22, 14],
    ["nd33-2023", "2024-01-01", "thị trấn", "II", 20, 12],
    ["nd33-2023", "2024-01-01", "xã", "III", 18, 10],
  ] as const)("%s on %s: %s loại %s → %i cán bộ, công chức and %i không chuyên trách (base)", (id, date, kind, cls, cbcc, kct) => {
    const rule = activateRuleSet(loadPreset(id)!, date).rules.get("quota.overCap")!;
    expect(capFor(rule, unit(kind, cls), "cadreAndCivilServant")?.base).toBe(cbcc);
    expect(capFor(rule, unit(kind, cls), "nonSpecializedCommune")?.base).toBe(kct);
  });

  it("has no class-based cap under the two-level government", () => {
    const rule = activateRuleSet(loadPreset("law80-2025")!, "2026-01-01").rules.get("quota.overCap")!;
    expect(capFor(rule, unit("xã", "I"), "cadreAndCivilServant")).toBeUndefined();
  });

  it("takes the largest figure when the kind or class is unknown, and says so", () => {
    const rule = activateRuleSet(loadPreset("nd33-2023")!, "2024-01-01").rules.get("quota.overCap")!;
    expect(capFor(rule, unit(undefined, undefined), "cadreAndCivilServant")).toMatchObject({ base: 23, classUnknown: true });
    expect(capFor(rule, unit("xã", undefined), "cadreAndCivilServant")).toMatchObject({ base: 22, classUnknown: true });
    expect(capFor(rule, unit("đặc khu", "I"), "cadreAndCivilServant")).toBeUndefined();
  });
});

describe("values the reference marks unconfirmed or derived", () => {
  const cases = presetIds().flatMap((id) => {
    const def = loadPreset(id)!;
    return Object.values(def.rules).flatMap((rule) => rule.values.map((p, i) => [id, rule.id, i, p.from ?? def.from!] as const));
  });

  it.each(cases)("%s %s period %i: never give an error on their own", (id, ruleId, _i, from) => {
    const rule = activateRuleSet(loadPreset(id)!, from).rules.get(ruleId)!;
    for (const path of leafPaths(rule.value)) {
      if (valueStatus(rule, path) !== "confirmed") expect(severityFor(rule, [path])).not.toBe("error");
    }
    if (rule.status !== "confirmed") expect(severityFor(rule, [])).not.toBe("error");
  });

  it.each(presetIds())("%s says so in the description of every rule that holds one", (id) => {
    for (const rule of Object.values(loadPreset(id)!.rules)) {
      const uncertain = rule.status !== "confirmed" || rule.values.some((p) => (p.status ?? "confirmed") !== "confirmed" || JSON.stringify(p.value ?? {}).match(/"status":"(derived|unconfirmed)"/));
      if (uncertain) expect(rule.description).toMatch(/chưa (được )?xác nhận|suy ra/);
    }
  });

  it("lists the ones kept, so the note stays honest", () => {
    const kept: string[] = [];
    for (const id of presetIds()) {
      const def = loadPreset(id)!;
      for (const rule of Object.values(def.rules)) {
        rule.values.forEach((p) => {
          const active = activateRuleSet(def, p.from ?? def.from!).rules.get(rule.id)!;
          const paths = leafPaths(active.value).filter((x) => valueStatus(active, x) !== "confirmed");
          if (paths.length > 0 || (active.status !== "confirmed" && rule.values.length > 0)) kept.push(`${id} ${rule.id}`);
        });
      }
    }
    expect([...new Set(kept)].sort()).toEqual([
      "law80-2025 data.implausibleAge",
      "law80-2025 position.tooManyDeputies",
      "law80-2025 position.tooManyHolders",
      "law80-2025 qualification.generalEducation",
      "law80-2025 qualification.politicalTheory",
      "law80-2025 qualification.professionalField",
      "law80-2025 qualification.professionalLevel",
      "law80-2025 quota.villageOverCap",
      "law80-2025 retirement.appointedLate",
      "law80-2025 rotation.headTerms",
      "law80-2025 rotation.periodicChange",
      "nd33-2023 qualification.professionalField",
      "nd33-2023 quota.overCap",
      "nd33-2023 rotation.headTerms",
      "nd33-2023 rotation.periodicChange",
      "nd34-2019 qualification.generalEducation",
      "nd34-2019 qualification.politicalTheory",
      "nd34-2019 qualification.professionalField",
      "nd34-2019 qualification.professionalLevel",
      "nd34-2019 qualification.stateManagement",
      "nd34-2019 quota.villageOverCap",
      "nd34-2019 rotation.headTerms",
      "nd34-2019 rotation.periodicChange",
      "nd92-2009 data.implausibleAge",
      "nd92-2009 position.tooManyDeputies",
      "nd92-2009 position.tooManyHolders",
      "nd92-2009 qualification.generalEducation",
      "nd92-2009 qualification.politicalTheory",
      "nd92-2009 qualification.professionalLevel",
      "nd92-2009 qualification.stateManagement",
      "nd92-2009 quota.villageOverCap",
      "nd92-2009 rotation.periodicChange",
    ]);
  });
});

describe("deputy caps (position.tooManyDeputies) change inside a regime", () => {
  const cap = (id: string, date: string, cls: string) => {
    const v = activateRuleSet(loadPreset(id)!, date).rules.get("position.tooManyDeputies")!.value as Record<string, Record<string, number>>;
    return v.committeeViceChair?.[cls];
  };
  it.each([
    ["nd92-2009", "2016-01-24", "I", 2],
    ["nd92-2009", "2016-01-25", "II", 1],
    ["nd34-2019", "2021-05-22", "II", 1],
    ["nd34-2019", "2021-05-23", "II", 2],
    ["nd34-2019", "2021-05-23", "III", 1],
    ["nd33-2023", "2024-06-01", "II", 2],
    ["law80-2025", "2025-11-16", "II", 2],
    ["law80-2025", "2025-11-17", "II", undefined],
  ])("%s on %s: class %s → %s", (id, date, cls, expected) => {
    expect(cap(id, date, cls)).toBe(expected);
  });

  it("is unconfirmed before ND 08/2016 and after the 2025 merger until ND 300/2025", () => {
    const rule = (id: string, date: string) => activateRuleSet(loadPreset(id)!, date).rules.get("position.tooManyDeputies")!;
    expect(severityFor(rule("nd92-2009", "2015-12-31"), ["committeeViceChair.II"])).toBe("warning");
    expect(severityFor(rule("nd92-2009", "2016-01-25"), ["committeeViceChair.II"])).toBe("error");
    expect(severityFor(rule("law80-2025", "2025-09-01"), ["committeeViceChair.II"])).toBe("warning");
    expect(severityFor(rule("law80-2025", "2025-09-01"), ["councilViceChair.*"])).toBe("error");
  });
});
