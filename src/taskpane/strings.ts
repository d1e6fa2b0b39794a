/** User-facing text of the task pane, Vietnamese first, English second, in one place. */
export const PANE_TEXT = {
  vi: {
    title: "Kiểm tra hồ sơ cán bộ",
    subtitle: "Cán bộ, công chức và người hoạt động không chuyên trách cấp xã",
    loading: "Đang tải…",
    ready: "Sẵn sàng. Mở danh sách cán bộ rồi bấm \"Kiểm tra hồ sơ\" trên thẻ Trang đầu.",
    notInExcel: "Bảng điều khiển này chạy trong Excel.",
    privacy: "Dữ liệu nhân sự không rời khỏi máy của bạn.",
    language: "English",
    lastRun: "Kết quả lần chạy gần nhất",
  },
  en: {
    title: "Roster check",
    subtitle: "Commune-level cadres, civil servants and non-specialized workers",
    loading: "Loading…",
    ready: "Ready. Open the roster and click \"Kiểm tra hồ sơ\" on the Home tab.",
    notInExcel: "This pane runs inside Excel.",
    privacy: "Personnel data never leaves your computer.",
    language: "Tiếng Việt",
    lastRun: "Outcome of the last run",
  },
} as const;

export type PaneLanguage = keyof typeof PANE_TEXT;

/** Vietnamese unless Office says the user works in another language. */
export function languageFor(displayLanguage: string | undefined): PaneLanguage {
  if (!displayLanguage || displayLanguage.toLowerCase().startsWith("vi")) return "vi";
  return "en";
}
