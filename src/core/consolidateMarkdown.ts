/**
 * The Markdown report (`consolidate --md`): for people who would rather read than open Excel —
 * the file status, the staffing (quota) table, the quality table per category, and the findings
 * grouped by unit. Works for any report; a consolidated one adds the files and names each
 * finding's file. Pure text; the CLI writes it.
 */
import { placeOf } from "./plan/consolidated";
import { LABELS } from "./plan/labels";
import type { Finding, QualityFigures, Report, Severity, UnitReport } from "./report/types";

/** Text safe in a Markdown table cell or list item. */
function md(s: string | number | undefined): string {
  if (s === undefined) return "";
  return String(s)
    .replace(/[\r\n]+/g, " ")
    .replace(/([\\`*_[\]<>|])/g, "\\$1");
}

/** A table cell: text (escaped when written) or Markdown already made. */
type Cell = string | number | undefined | { raw: string };
const bold = (s: string): Cell => ({ raw: `**${md(s)}**` });

function table(headers: readonly string[], rows: Cell[][], align?: ("l" | "r")[]): string {
  const sep = headers.map((_h, i) => ((align?.[i] ?? "l") === "r" ? "---:" : "---"));
  const cell = (c: Cell) => (typeof c === "object" ? c.raw : md(c));
  return [`| ${headers.map(md).join(" | ")} |`, `| ${sep.join(" | ")} |`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)].join("\n");
}

function dmy(iso: string): string {
  return iso.split("-").reverse().join("/");
}

function unitTitle(u: UnitReport): string {
  return `${u.kind ? u.kind[0].toUpperCase() + u.kind.slice(1) + " " : ""}${u.name}`;
}

const signed = (n: number | undefined) => (n === undefined ? "" : n > 0 ? `+${n}` : String(n));
const pct = (n: number, d: number) => (d === 0 ? "" : `${((100 * n) / d).toFixed(1)}%`);

const SEVERITY_VI: Record<Severity, string> = { error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" };
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function findingLine(f: Finding): string {
  const place = placeOf(f.file, f.sheet);
  const at = place === undefined ? "" : `${md(place)}${f.cell ? "!" + f.cell : f.column ? "!" + f.column : ""}`;
  const who = f.person ? `${md(f.person)}: ` : "";
  return `- **${SEVERITY_VI[f.severity]}** \`${f.rule}\`${at ? ` — ${at}` : ""} — ${who}${md(f.message)}`;
}

function qualityRows(report: Report, cat: "cadreAndCivilServant" | "nonSpecializedCommune" | "nonSpecializedVillage"): Cell[][] {
  const row = (label: Cell, q: QualityFigures, n: number | string): Cell[] => [
    n,
    label,
    q.count,
    q.sex.female,
    q.ethnicMinority,
    q.partyMember,
    `${q.professionalIntermediateOrAbove} (${pct(q.professionalIntermediateOrAbove, q.count)})`,
    `${q.politicalTheoryTrained} (${pct(q.politicalTheoryTrained, q.count)})`,
    `${q.stateManagementTrained} (${pct(q.stateManagementTrained, q.count)})`,
    q.ageBands.upTo30 ?? 0,
    q.ageBands.from31To40 ?? 0,
    q.ageBands.from41To50 ?? 0,
    q.ageBands.from51ToRetirement ?? 0,
    q.ageBands.overRetirement ?? 0,
  ];
  const rows: Cell[][] = [];
  report.units.forEach((u, i) => {
    const q = u.quality?.[cat];
    if (q) rows.push(row(unitTitle(u), q, i + 1));
  });
  const total = report.quality?.[cat];
  if (total) rows.push(row(bold(LABELS.markdown.total), total, ""));
  return rows;
}

/**
 * The Markdown report of a (consolidated) report.
 * @example writeFileSync("tong-hop.md", renderMarkdownReport(report));
 */
export function renderMarkdownReport(report: Report): string {
  const L = LABELS.markdown;
  const t = report.totals ?? { records: 0, errors: 0, warnings: 0, infos: 0 };
  const files = report.files ?? [];
  const out: string[] = [`# ${L.title}`, ""];
  out.push(`- ${L.asOf}: ${dmy(report.asOf)}`);
  out.push(`- ${L.ruleSet}: ${md(report.ruleSet.name ?? report.ruleSet.id)} (\`${report.ruleSet.id}\`)`);
  if (files.length > 0) out.push(`- ${L.filesLine(files.filter((f) => f.status === "read").length, files.length, report.units.length, t.records)}`);
  out.push(`- ${L.countsLine(t.errors, t.warnings, t.infos)}`, "");

  if (files.length > 0) {
    out.push(`## ${L.filesHeading}`, "");
    const F = LABELS.files;
    const unitName = new Map(report.units.map((u) => [u.id, unitTitle(u)]));
    out.push(
      table(
        L.filesHeaders,
        files.map((f, i) => [
          i + 1,
          f.name,
          f.format ? F.formats[f.format] ?? f.format : "",
          f.status === "read" ? F.read : bold(F.unreadable),
          (f.units ?? []).map((id) => unitName.get(id) ?? id).join("; "),
          f.records,
          f.errors,
          f.warnings,
          f.status === "read" ? F.quotaSource[f.quotaSource ?? "none"] ?? "" : f.reason,
        ]),
        ["r", "l", "l", "l", "l", "r", "r", "r", "l"],
      ),
      "",
    );
  }

  out.push(`## ${L.quotaHeading}`, "");
  if (report.units.length === 0) out.push(L.none, "");
  else {
    const sum = { p: 0, hp: false, d: 0, hd: false, cap: 0, hc: false, cbcc: 0, kp: 0, hk: false, kct: 0, vn: 0, hv: false, v: 0 };
    const rows: Cell[][] = report.units.map((u, i) => {
      const q = u.quota ?? {};
      const cbcc = u.staff.cadre + u.staff.civilServant;
      const c = q.cadreAndCivilServant ?? {};
      const k = q.nonSpecializedCommune ?? {};
      const v = q.nonSpecializedVillage ?? {};
      const norm = v.province ?? v.cap;
      const note = c.province !== undefined ? `${cbcc}/${c.province}` : "";
      if (c.province !== undefined) {
        sum.p += c.province;
        sum.hp = true;
      }
      if (c.district !== undefined) {
        sum.d += c.district;
        sum.hd = true;
      }
      if (c.cap !== undefined) {
        sum.cap += c.cap;
        sum.hc = true;
      }
      if (k.province !== undefined) {
        sum.kp += k.province;
        sum.hk = true;
      }
      if (norm !== undefined) {
        sum.vn += norm;
        sum.hv = true;
      }
      sum.cbcc += cbcc;
      sum.kct += u.staff.nonSpecializedCommune;
      sum.v += u.staff.nonSpecializedVillage;
      return [i + 1, unitTitle(u), u.communeClass ?? "", c.province, c.district, c.cap, cbcc, signed(c.province === undefined ? undefined : cbcc - c.province), k.province, u.staff.nonSpecializedCommune, norm, u.staff.nonSpecializedVillage, note];
    });
    rows.push(["", bold(L.total), "", sum.hp ? sum.p : "", sum.hd ? sum.d : "", sum.hc ? sum.cap : "", sum.cbcc, sum.hp ? signed(sum.cbcc - sum.p) : "", sum.hk ? sum.kp : "", sum.kct, sum.hv ? sum.vn : "", sum.v, sum.hp ? `${sum.cbcc}/${sum.p}` : ""]);
    out.push(table(L.quotaHeaders, rows, ["r", "l", "l", "r", "r", "r", "r", "r", "r", "r", "r", "r", "l"]), "");
  }

  out.push(`## ${L.qualityHeading}`, "");
  for (const cat of ["cadreAndCivilServant", "nonSpecializedCommune", "nonSpecializedVillage"] as const) {
    if ((report.quality?.[cat]?.count ?? 0) === 0) continue;
    out.push(`### ${LABELS.quality.sections[cat]}`, "");
    out.push(table(L.qualityHeaders, qualityRows(report, cat), ["r", "l", ...L.qualityHeaders.slice(2).map(() => "r" as const)]), "");
  }

  out.push(`## ${L.findingsHeading}`, "");
  if (report.findings.length === 0) out.push(L.noFindings, "");
  const byUnit = new Map<string, Finding[]>();
  const general: Finding[] = [];
  for (const f of report.findings) {
    if (f.unit !== undefined && report.units.some((u) => u.id === f.unit)) {
      const list = byUnit.get(f.unit);
      if (list) list.push(f);
      else byUnit.set(f.unit, [f]);
    } else general.push(f);
  }
  const section = (heading: string, list: Finding[]) => {
    const count = (s: Severity) => list.filter((f) => f.severity === s).length;
    out.push(`### ${md(heading)} — ${L.unitCounts(count("error"), count("warning"), count("info"))}`, "");
    for (const f of [...list].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])) out.push(findingLine(f));
    out.push("");
  };
  if (general.length > 0) section(L.general, general);
  for (const u of report.units) {
    const list = byUnit.get(u.id);
    if (list) section(`${unitTitle(u)}${u.code ? ` (${u.code})` : ""}`, list);
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}
