/**
 * The add-in's outcome lines (what the pane or the notification shows after a click),
 * Vietnamese first, English second, in one place. Engine errors keep their text in
 * core/messages.ts.
 */
import type { Bilingual } from "../core/messages";
import type { NoteMode } from "./notes";

const n = (x: number) => x.toLocaleString("vi-VN");
const nEn = (x: number) => x.toLocaleString("en-US");

export const OUTCOME_TEXT = {
  validated: (t: { records: number; errors: number; warnings: number; infos: number }, marked: number): Bilingual => ({
    vi: `Đã kiểm tra ${n(t.records)} người: ${n(t.errors)} lỗi, ${n(t.warnings)} cảnh báo, ${n(t.infos)} thông tin; đã tô màu ${n(marked)} ô.`,
    en: `Checked ${nEn(t.records)} people: ${nEn(t.errors)} errors, ${nEn(t.warnings)} warnings, ${nEn(t.infos)} notices; ${nEn(marked)} cells marked.`,
  }),
  cleared: (restored: number, keptByUser: number): Bilingual => ({
    vi: `Đã xóa đánh dấu ở ${n(restored)} ô, trả lại màu nền như cũ${keptByUser > 0 ? `; ${n(keptByUser)} ô bạn đã đổi màu nên được giữ nguyên` : ""}.`,
    en: `Cleared the marks on ${nEn(restored)} cells, original fills restored${keptByUser > 0 ? `; ${nEn(keptByUser)} cells you recoloured were left as they are` : ""}.`,
  }),
  nothingToClear: (): Bilingual => ({ vi: "Không có ô nào đang được đánh dấu.", en: "No cell is marked." }),
  textsRestored: (restored: number, kept: number): Bilingual => ({
    vi: `Đã trả lại nội dung cũ cho ${n(restored)} ô đã được sửa${kept > 0 ? `; ${n(kept)} ô bạn đã sửa lại sau đó nên được giữ nguyên` : ""}.`,
    en: `Put the original text back in ${nEn(restored)} fixed cells${kept > 0 ? `; ${nEn(kept)} cells you edited since were left as they are` : ""}.`,
  }),
  notMarked: (count: number, findingsSheet: string): Bilingual => ({
    vi: `${n(count)} ô có vấn đề không được tô màu (quá nhiều hoặc trang tính không còn); xem đủ ở trang "${findingsSheet}".`,
    en: `${nEn(count)} cells with findings were not marked (too many, or the sheet is gone); see them all on "${findingsSheet}".`,
  }),
  noteMode: (mode: NoteMode): Bilingual | undefined =>
    mode === "notes"
      ? undefined
      : mode === "comments"
        ? { vi: "Excel này chưa có API ghi chú (ExcelApi 1.18), nên nội dung lỗi được ghi thành chú thích (comment).", en: "This Excel has no Notes API (ExcelApi 1.18), so the findings were added as threaded comments." }
        : { vi: "Excel này chưa hỗ trợ ghi chú trên ô; nội dung lỗi có ở trang kết quả, mỗi dòng có liên kết tới ô.", en: "This Excel cannot add notes to cells; the findings sheet lists them, each with a link to its cell." },
  notesSkipped: (count: number): Bilingual => ({
    vi: `${n(count)} ô đã có chú thích của bạn nên không thêm chú thích mới.`,
    en: `${nEn(count)} cells already had a comment of yours, so none was added.`,
  }),
  noMerges: (): Bilingual => ({
    vi: "Excel này chưa cho đọc ô gộp (cần ExcelApi 1.13), nên tiêu đề gộp nhiều dòng có thể được nhận kém chính xác hơn.",
    en: "This Excel cannot read merged cells (needs ExcelApi 1.13), so multi-row merged headers may be recognised less precisely.",
  }),
  printSkipped: (): Bilingual => ({ vi: "Chưa đặt được đầy đủ khổ in cho các trang kết quả (Excel này không hỗ trợ).", en: "Print settings of the result sheets were not fully applied (not supported by this Excel)." }),
} as const;
