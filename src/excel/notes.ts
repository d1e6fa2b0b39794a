/**
 * The text of a finding next to its cell: a note (ExcelApi 1.18) where Excel has the Notes API,
 * else a threaded comment (ExcelApi 1.10, attributed to the current user), else nothing — the
 * findings sheet, with a hyperlink to every cell, says it all in any case.
 *
 * Ours are told apart by NOTE_MARKER (core/plan/types.ts), which the CLI's annotated copy uses
 * too: a user's note above the marker is kept; clearing removes the marker and what follows.
 */
import { parseCellAddress } from "../core/address";
import { NOTE_MARKER } from "../core/plan/types";
import { supports } from "./host";
import type { Session } from "./session";

/** Which way the finding texts go on this Excel. */
export type NoteMode = "notes" | "comments" | "none";

/** Longest text we put in a note or comment. */
export const MAX_NOTE_CHARS = 4000;

export function noteMode(session: Session): NoteMode {
  if (supports(session.host, "notes")) return "notes";
  if (supports(session.host, "comments")) return "comments";
  return "none";
}

/** The user's part of a note that holds ours: what comes before the marker, trailing space removed. */
export function userPart(content: string): string | undefined {
  const i = content.indexOf(NOTE_MARKER);
  if (i < 0) return content;
  const before = content.slice(0, i).replace(/\s+$/, "");
  return before === "" ? undefined : before;
}

/** Our note text, cut to {@link MAX_NOTE_CHARS}. */
export function noteText(note: string): string {
  return note.length <= MAX_NOTE_CHARS ? note : `${note.slice(0, MAX_NOTE_CHARS - 1)}…`;
}

/** "DS CBCC" and "C5" from "'DS CBCC'!C5" (or "Sheet1!$C$5"). */
export function splitAddress(address: string): { sheet: string; cell: string } | undefined {
  const i = address.lastIndexOf("!");
  if (i < 0) return undefined;
  let sheet = address.slice(0, i);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const p = parseCellAddress(address.slice(i + 1).split(":")[0]);
  if (!p) return undefined;
  return { sheet, cell: `${address.slice(i + 1).split(":")[0].replace(/\$/g, "").toUpperCase()}` };
}

/** Notes and comments found in the workbook (after {@link queueFindNotes} and a sync). */
export interface FoundNotes {
  notes: { sheet: string; note: Excel.Note }[];
  comments: Excel.Comment[];
}

/** Queue the loads of the notes of some sheets and of the workbook's comments. */
export async function queueFindNotes(session: Session, sheets: Map<string, Excel.Worksheet>, names: Iterable<string>, which: { notes: boolean; comments: boolean }): Promise<() => FoundNotes> {
  const noteCollections: { sheet: string; notes: Excel.NoteCollection }[] = [];
  let comments: Excel.CommentCollection | undefined;
  if (which.notes) {
    for (const sheet of names) {
      const ws = sheets.get(sheet);
      if (!ws) continue;
      await session.add(120, () => {
        const notes = ws.notes;
        notes.load("items/content");
        noteCollections.push({ sheet, notes });
      });
    }
  }
  if (which.comments) {
    await session.add(120, () => {
      comments = session.ctx.workbook.comments;
      comments.load("items/content");
    });
  }
  return () => ({ notes: noteCollections.flatMap(({ sheet, notes }) => notes.items.map((note) => ({ sheet, note }))), comments: comments?.items ?? [] });
}

/**
 * Where each note/comment sits: one more sync (only when there are any).
 * Returns cell key "sheet\u0000A1" → the object.
 */
export async function locate<T extends Excel.Note | Excel.Comment>(session: Session, items: { sheet?: string; item: T }[]): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  if (items.length === 0) return out;
  const located: { it: { sheet?: string; item: T }; loc: Excel.Range }[] = [];
  for (const it of items) {
    await session.add(150, () => {
      const loc = it.item.getLocation();
      loc.load("address");
      located.push({ it, loc });
    });
  }
  await session.flush();
  for (const { it, loc } of located) {
    const a = splitAddress(loc.address);
    if (a) out.set(`${it.sheet ?? a.sheet}\u0000${a.cell}`, it.item);
  }
  return out;
}

/** Queue the removal of our part of every note and comment that carries the marker; returns how many. */
export async function queueRemoveOurNotes(session: Session, found: FoundNotes): Promise<number> {
  let n = 0;
  for (const { note } of found.notes) {
    if (!note.content.includes(NOTE_MARKER)) continue;
    const keep = userPart(note.content);
    await session.add(200 + (keep?.length ?? 0), () => {
      if (keep === undefined) note.delete();
      else note.content = keep;
    });
    n++;
  }
  for (const c of found.comments) {
    if (!c.content.includes(NOTE_MARKER)) continue;
    await session.add(150, () => c.delete());
    n++;
  }
  return n;
}
