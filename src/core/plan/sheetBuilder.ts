/**
 * A small helper to lay out a plan sheet row by row: title block, headers, body, signatures.
 */
import type { PlanCell, PlanMerge, PlanSheet, PlanStyle, PlanValue, OwnSheetKind } from "./types";
import { LABELS } from "./labels";

export class SheetBuilder {
  readonly rows: ((PlanCell | undefined)[] | undefined)[] = [];
  readonly merges: PlanMerge[] = [];
  /** The next row to write (1-based). */
  row = 1;

  constructor(readonly width: number) {}

  set(row: number, col: number, value: PlanValue, style?: PlanStyle, link?: PlanCell["link"]): void {
    const r = (this.rows[row - 1] ??= []);
    const cell: PlanCell = { value };
    if (style) cell.style = style;
    if (link) cell.link = link;
    r[col - 1] = cell;
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
  }

  /** A line of text merged across `from..to`. */
  line(text: string, style: PlanStyle, from = 1, to = this.width): void {
    this.set(this.row, from, text, style);
    for (let c = from + 1; c <= to; c++) this.set(this.row, c, null, style);
    this.merge(this.row, from, this.row, to);
    this.row++;
  }

  /** The official title block: agency left, national motto right, then the title and the date. */
  titleBlock(agency: string, title: string, subtitle: string[]): void {
    const half = Math.max(2, Math.floor(this.width / 2));
    this.set(this.row, 1, agency, "subtitle");
    this.merge(this.row, 1, this.row, half - 1);
    this.set(this.row, half, LABELS.motto1, "subtitle");
    this.merge(this.row, half, this.row, this.width);
    this.row++;
    this.set(this.row, half, LABELS.motto2, "subtitle");
    this.merge(this.row, half, this.row, this.width);
    this.row += 2;
    this.line(title, "title");
    for (const s of subtitle) this.line(s, "italic");
    this.row++;
  }

  /** A body row. */
  put(values: PlanValue[], styles: PlanStyle | PlanStyle[]): number {
    const r = this.row;
    values.forEach((v, i) => this.set(r, i + 1, v, Array.isArray(styles) ? styles[i] : styles));
    this.row++;
    return r;
  }

  /** Signature block: place and date, preparer left, head right. */
  signatures(place: string, date: { day: number; month: number; year: number }, preparer?: string, head?: string): void {
    this.row++;
    const half = Math.max(2, Math.floor(this.width / 2));
    this.set(this.row, half, LABELS.placeDate(place, date), "signatureNote");
    this.merge(this.row, half, this.row, this.width);
    this.row++;
    this.set(this.row, 1, LABELS.preparer, "signatureTitle");
    this.merge(this.row, 1, this.row, half - 1);
    this.set(this.row, half, LABELS.head, "signatureTitle");
    this.merge(this.row, half, this.row, this.width);
    this.row++;
    this.set(this.row, 1, LABELS.signNote, "signatureNote");
    this.merge(this.row, 1, this.row, half - 1);
    this.set(this.row, half, LABELS.signNoteHead, "signatureNote");
    this.merge(this.row, half, this.row, this.width);
    this.row += 4;
    if (preparer) {
      this.set(this.row, 1, preparer, "signatureTitle");
      this.merge(this.row, 1, this.row, half - 1);
    }
    if (head) {
      this.set(this.row, half, head, "signatureTitle");
      this.merge(this.row, half, this.row, this.width);
    }
    this.row++;
  }

  toSheet(kind: OwnSheetKind, name: string, columnWidths: number[], extra: Partial<PlanSheet> = {}): PlanSheet {
    return { kind, name, columnWidths, rows: this.rows, merges: this.merges, print: { orientation: "landscape", paper: "A4", fitToWidth: true }, ...extra };
  }
}
