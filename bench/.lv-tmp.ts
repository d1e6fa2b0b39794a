import { largeRosterFixture } from "../test/support/workbooks";
import { readXlsx } from "../src/file/readXlsx";
import { readSheets } from "../src/core/reader";
import { parseIsoDay } from "../src/core/engine";
import { parseProfessional } from "../src/core/text/vocab/professional";
import { parseEthnicity } from "../src/core/text/vocab/ethnicity";
async function main() {
  const asOf = parseIsoDay("2024-12-31")!;
  const grid = readXlsx((await largeRosterFixture(10000, { level: 6 })).bytes);
  const { records } = readSheets(grid, { asOf });
  const t = (name: string, fn: () => number) => { fn(); fn(); const c0 = process.cpuUsage(); let x = 0; for (let i = 0; i < 20; i++) x += fn(); const c = process.cpuUsage(c0); console.log(name, ((c.user + c.system) / 20 / 1000).toFixed(2), "ms", x > -1 ? "" : "x"); };
  const m = new Map<string, unknown>();
  const memo = (s: string) => { let r = m.get(s); if (r === undefined) { r = parseProfessional(s); m.set(s, r); } return r; };
  const me = new Map<string, unknown>();
  const memoE = (s: string) => { let r = me.get(s); if (r === undefined) { r = parseEthnicity(s); me.set(s, r); } return r; };
  const F = ["professionalLevel", "politicalTheory", "stateManagement", "generalEducation"] as const;
  t("fields keyed loads x4", () => { let n = 0; for (const r of records) for (const f of F) if (r.fields[f]) n++; return n; });
  t("memo prof (1 lookup)", () => { let n = 0; for (const r of records) { const c = r.fields.professionalLevel; if (c && memo(c.text)) n++; } return n; });
  t("memo eth (1 lookup)", () => { let n = 0; for (const r of records) { const c = r.fields.ethnicity; if (c && memoE(c.text)) n++; } return n; });
  console.log(m.size, me.size);
}
void main();
