/**
 * What the add-in keeps in the workbook: our custom XML part (SETTINGS_NAMESPACE, ExcelApi 1.5),
 * shared with the file adapter — the column mapping ("hoso.mapping"), the record of our marks
 * ("hoso.changes", core/changes.ts) and any other key, which is always kept as found.
 * It persists with the file and is independent of the add-in, so "Xóa đánh dấu" works after the
 * workbook was saved, closed and reopened, and for marks the CLI made.
 */
import { CHANGES_KEY, parseChangeRecord, type ChangeRecord } from "../core/changes";
import { EngineError } from "../core/errors";
import { parseSettingsXml, settingsXml, SETTINGS_NAMESPACE } from "../core/settings";
import { utf8Bytes } from "./limits";

/** The file adapter's own record of the CLI's splices (src/file/annotate.ts CHANGES_KEY). */
const FILE_CHANGES_KEY = "hoso.changes.file";
import type { Session } from "./session";

/** The part(s) of ours and what they hold. */
export interface StoredState {
  parts: Excel.CustomXmlPart[];
  settings: Record<string, string>;
  record?: ChangeRecord;
  /** A change record is stored but is not one core/changes.ts can read (another tool's, or damaged). */
  foreignRecord: boolean;
}

/** Queue the first step (the parts in our namespace); call {@link readState} after the next sync. */
export function queueStateParts(ctx: Excel.RequestContext): Excel.CustomXmlPartScopedCollection {
  const parts = ctx.workbook.customXmlParts.getByNamespace(SETTINGS_NAMESPACE);
  parts.load("items/id");
  return parts;
}

/** Queue each part's XML; the returned function gives the state after the next sync. */
export function queueStateXml(parts: Excel.CustomXmlPartScopedCollection): () => StoredState {
  const items = parts.items;
  const xml = items.map((p) => p.getXml());
  return () => {
    const settings: Record<string, string> = {};
    // Parts are merged in order, the first one winning (a copy pasted in from elsewhere loses).
    for (let i = xml.length - 1; i >= 0; i--) Object.assign(settings, parseSettingsXml(xml[i].value));
    const record = parseChangeRecord(settings[CHANGES_KEY]);
    const foreignRecord = !record && settings[CHANGES_KEY] !== undefined && settings[CHANGES_KEY].trim() !== "";
    return record ? { parts: items, settings, record, foreignRecord } : { parts: items, settings, foreignRecord };
  };
}

/** Both steps, two syncs. */
export async function loadState(session: Session): Promise<StoredState> {
  const parts = queueStateParts(session.ctx);
  await session.sync();
  const read = queueStateXml(parts);
  await session.sync();
  return read();
}

/**
 * Queue the new record (or its removal when it is empty), keeping every other key. One part is
 * written; extra parts of ours (a workbook merged from two) are folded into it and deleted.
 */
export async function queueSaveRecord(session: Session, state: StoredState, record: ChangeRecord | undefined): Promise<void> {
  // Never overwrite a record we cannot read: the marks it describes could not be undone any more.
  if (state.foreignRecord) throw new EngineError("excel.unknownRecord");
  const settings = { ...state.settings };
  // The CLI's byte-exact record (file adapter) describes marks the add-in has now cleared or
  // replaced: it is stale once the shared record is rewritten by the add-in.
  if (state.record?.by === "cli" || record?.by === "addin") delete settings[FILE_CHANGES_KEY];
  if (record && (record.cells.length > 0 || record.sheets.length > 0 || (record.textRepairs?.length ?? 0) > 0)) settings[CHANGES_KEY] = JSON.stringify(record);
  else delete settings[CHANGES_KEY];
  const xml = settingsXml(settings);
  await session.add(utf8Bytes(xml) + 200, () => {
    if (state.parts.length === 0) state.parts = [session.ctx.workbook.customXmlParts.add(xml)];
    else {
      state.parts[0].setXml(xml);
      for (const extra of state.parts.slice(1)) extra.delete();
      state.parts = state.parts.slice(0, 1);
    }
  });
  state.settings = settings;
  if (record) state.record = record;
  else delete state.record;
}
