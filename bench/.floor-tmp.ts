import { largeRosterFixture } from "../test/support/workbooks";
import { readXlsx } from "../src/file/readXlsx";
async function main() {
  const grid = readXlsx((await largeRosterFixture(10000, { level: 6 })).bytes);
  const sheet = grid.sheets[0];
  const names = ["fullName", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"];
  const floor = () => {
    const out: unknown[] = [];
    for (let r = 11; r <= sheet.rowCount; r++) {
      const v = sheet.values[r - 1];
      if (!v) continue;
      const rec: Record<string, unknown> = { sheet: sheet.name, row: r, fields: {}, posts: [] };
      const fields = rec.fields as Record<string, unknown>;
      for (let c = 1; c <= v.length; c++) {
        const x = v[c - 1];
        if (x === undefined || x === null) continue;
        fields[names[c - 1]] = { col: c, raw: x, text: typeof x === "string" ? x : String(x) };
      }
      rec.fullName = v[1]; rec.unitLabel = names; rec.unitSource = "section"; rec.category = "cadre"; rec.categorySource = "title";
      rec.gender = "male"; rec.birthDate = { year: 1975, month: 1, day: 2, precision: "day" }; rec.idNumber = v[10]; rec.professionalLevel = "x"; rec.politicalTheory = "y"; rec.generalEducation = "z"; rec.ethnicity = "k"; rec.minority = false;
      out.push(rec);
    }
    return out;
  };
  const times: number[] = [];
  for (let i = 0; i < 25; i++) { const c0 = process.cpuUsage(); const t0 = performance.now(); floor(); const c = process.cpuUsage(c0); times.push((c.user + c.system) / 1000); }
  times.sort((a, b) => a - b);
  console.log("floor (allocate records only) ms: median", times[12].toFixed(1), "min", times[0].toFixed(1), "→ rows/s", Math.round(10000 / times[12] * 1000), Math.round(10000 / times[0] * 1000));
}
void main();
