/**
 * The human summary the CLI prints when the report is not sent to stdout: Vietnamese first.
 */
import type { Report } from "../core/report/types";

export function formatSummary(report: Report): string {
  const t = report.totals ?? { records: 0, errors: 0, warnings: 0, infos: 0 };
  const lines: string[] = [];
  lines.push(`Tệp / File: ${report.file?.name ?? "?"} — ngày báo cáo / as of ${report.asOf} — quy định / rules: ${report.ruleSet.id}`);
  for (const s of report.sheets) {
    const role = { roster: "danh sách", quota: "định biên", settings: "quy định", output: "kết quả", other: "khác", training: "đào tạo, bồi dưỡng" }[s.role];
    lines.push(`  Trang "${s.name}": ${role}${s.records !== undefined && s.role === "roster" ? `, ${s.records} người` : ""}`);
  }
  lines.push(`Đơn vị / Units: ${report.units.length}; người / persons: ${t.records}`);
  for (const u of report.units) {
    const st = u.staff;
    lines.push(`  ${u.kind ? u.kind + " " : ""}${u.name}: cán bộ ${st.cadre}, công chức ${st.civilServant}, KCT xã ${st.nonSpecializedCommune}, KCT thôn ${st.nonSpecializedVillage}`);
  }
  if (report.training) {
    const tr = report.training;
    lines.push(`Đào tạo, bồi dưỡng từ năm ${tr.since} / training since ${tr.since}: ${tr.people} người / people, ${tr.attendances} lượt / attendances; chưa xác định người / unlinked: ${tr.unlinked}`);
  }
  lines.push(`Lỗi / errors: ${t.errors}; cảnh báo / warnings: ${t.warnings}; thông tin / info: ${t.infos}`);
  for (const f of report.findings.filter((x) => x.severity !== "info").slice(0, 20)) {
    lines.push(`  [${f.severity === "error" ? "LỖI" : "CẢNH BÁO"}] ${f.sheet ?? ""}${f.cell ? "!" + f.cell : f.column ? "!" + f.column : ""} ${f.message}`);
  }
  const more = report.findings.filter((x) => x.severity !== "info").length - 20;
  if (more > 0) lines.push(`  … và ${more} mục khác (dùng --json để xem đủ) / and ${more} more (use --json)`);
  return lines.join("\n") + "\n";
}
