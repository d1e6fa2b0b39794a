import { largeRosterFixture } from "../test/support/workbooks";
import { readXlsx } from "../src/file/readXlsx";
import { readSheets } from "../src/core/reader";
import { parseIsoDay } from "../src/core/engine";
const KEYS = ["sheet", "row", "fields", "posts", "fullName", "unitLabel", "unitSource", "village", "category", "categorySource", "gender", "birthDate", "positionSince", "termNumber", "idNumber", "professionalLevel", "professionalField", "politicalTheory", "stateManagement", "generalEducation", "partyMember", "ethnicity", "minority", "status", "left"];
async function main() {
  const asOf = parseIsoDay("2024-12-31")!;
  const grid = readXlsx((await largeRosterFixture(10000, { level: 6 })).bytes);
  const { records } = readSheets(grid, { asOf });
  const fixed = records.map((r) => { const o: Record<string, unknown> = {}; for (const k of KEYS) o[k] = (r as unknown as Record<string, unknown>)[k]; return o; }) as unknown as typeof records;
  const t = (name: string, fn: () => number) => { fn(); fn(); const c0 = process.cpuUsage(); let x = 0; for (let i = 0; i < 20; i++) x += fn(); const c = process.cpuUsage(c0); console.log(name, ((c.user + c.system) / 20 / 1000).toFixed(2), "ms", x > -1 ? "" : "x"); };
  const loop = (rs: typeof records) => () => { let n = 0; for (const r of rs) { if (r.idNumber) n++; if (r.fullName && r.birthDate) n += r.birthDate.year; if (r.category) n++; } return n; };
  const maps = new Set<string>(); for (const r of records) maps.add(Object.keys(r).join(","));
  console.log("distinct key orders", maps.size);
  for (let k = 0; k < 2; k++) { t("varied shapes", loop(records)); t("fixed shape", loop(fixed)); }
}
void main();
