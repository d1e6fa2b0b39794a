/**
 * The plan's semantic styles (core/plan/types.ts) as Excel formatting. Formatting is applied by
 * feature over address lists (every bold cell of a sheet in one `getRanges(...).format.font.bold`),
 * not cell by cell; number formats go in the sheet's `numberFormat` matrix with the values.
 */
import type { PlanStyle } from "../core/plan/types";

/** One formatting feature, applied to many cells at once. */
export type Feature =
  | { kind: "bold" }
  | { kind: "italic" }
  | { kind: "size"; size: number }
  | { kind: "fontColor"; color: string }
  | { kind: "underline" }
  | { kind: "fill"; color: string }
  | { kind: "borders" }
  | { kind: "wrap" }
  | { kind: "center" }
  | { kind: "vcenter" };

export interface StyleSpec {
  features: Feature[];
  numberFormat?: string;
}

const B: Feature = { kind: "borders" };
const BOLD: Feature = { kind: "bold" };
const CENTER: Feature = { kind: "center" };
const INTEGER = "#,##0";
const PERCENT = "0.0%";

/** The font of the sheets we write (official documents are set in Times New Roman). */
export const SHEET_FONT = { name: "Times New Roman", size: 12 };

export const STYLE_SPECS: Record<PlanStyle, StyleSpec> = {
  title: { features: [BOLD, { kind: "size", size: 14 }, CENTER, { kind: "wrap" }] },
  subtitle: { features: [BOLD, CENTER] },
  italic: { features: [{ kind: "italic" }, CENTER] },
  header: { features: [BOLD, { kind: "wrap" }, CENTER, { kind: "vcenter" }, B, { kind: "fill", color: "D9D9D9" }] },
  text: { features: [B] },
  textWrap: { features: [B, { kind: "wrap" }] },
  integer: { features: [B], numberFormat: INTEGER },
  percent: { features: [B], numberFormat: PERCENT },
  date: { features: [B], numberFormat: "dd/mm/yyyy" },
  totalText: { features: [BOLD, B] },
  totalInteger: { features: [BOLD, B], numberFormat: INTEGER },
  totalPercent: { features: [BOLD, B], numberFormat: PERCENT },
  shortage: { features: [B, { kind: "fontColor", color: "C65911" }], numberFormat: INTEGER },
  excess: { features: [B, { kind: "fontColor", color: "C00000" }], numberFormat: INTEGER },
  severityError: { features: [B, { kind: "fill", color: "FFC7CE" }] },
  severityWarning: { features: [B, { kind: "fill", color: "FFEB9C" }] },
  severityInfo: { features: [B, { kind: "fill", color: "DDEBF7" }] },
  link: { features: [B, { kind: "fontColor", color: "0563C1" }, { kind: "underline" }] },
  signatureTitle: { features: [BOLD, CENTER] },
  signatureNote: { features: [{ kind: "italic" }, CENTER] },
  plain: { features: [] },
};

/** A stable key of a feature (for grouping). */
export function featureKey(f: Feature): string {
  return JSON.stringify(f);
}

/** Queue one feature on a RangeAreas. */
export function applyFeature(areas: Excel.RangeAreas, f: Feature): void {
  const fmt = areas.format;
  switch (f.kind) {
    case "bold":
      fmt.font.bold = true;
      break;
    case "italic":
      fmt.font.italic = true;
      break;
    case "size":
      fmt.font.size = f.size;
      break;
    case "fontColor":
      fmt.font.color = `#${f.color}`;
      break;
    case "underline":
      fmt.font.underline = "Single";
      break;
    case "fill":
      fmt.fill.color = `#${f.color}`;
      break;
    case "borders":
      for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const) {
        const b = fmt.borders.getItem(edge);
        b.style = "Continuous";
        b.color = "#000000";
      }
      break;
    case "wrap":
      fmt.wrapText = true;
      break;
    case "center":
      fmt.horizontalAlignment = "Center";
      break;
    case "vcenter":
      fmt.verticalAlignment = "Center";
      break;
  }
}

/** Column width in characters → points (Calibri/Times 11–12 pt: about 7 px a character plus padding, 0.75 pt a px). */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}
