/**
 * Settings the task pane keeps in the workbook (issue 9): the corrected column mapping
 * ("hoso.mapping") and the chosen rule set ("hoso.ruleSet"), in our custom XML part, next to the
 * record of our marks, which is kept as found. The next one-click run and the CLI read them.
 */
import { settingsXml } from "../core/settings";
import { RUN_OPTIONS, type ExcelHost } from "./host";
import { toEngineError } from "./errors";
import { utf8Bytes } from "./limits";
import { Session } from "./session";
import { loadState } from "./state";

/** The settings as stored now. */
export async function readSettings(host: ExcelHost): Promise<Record<string, string>> {
  try {
    return await host.run(RUN_OPTIONS, async (ctx) => (await loadState(new Session(ctx, host))).settings);
  } catch (e) {
    throw toEngineError(e, "reading");
  }
}

/**
 * Change settings: `update` gets the stored ones and returns the keys to set (a value of
 * `undefined` removes the key). Every other key is kept. Returns the settings as written.
 * @example await updateSettings(host, () => ({ "hoso.ruleSet": "nd33-2023" }))
 */
export async function updateSettings(host: ExcelHost, update: (current: Readonly<Record<string, string>>) => Record<string, string | undefined>): Promise<Record<string, string>> {
  try {
    return await host.run(RUN_OPTIONS, async (ctx) => {
      const session = new Session(ctx, host);
      const state = await loadState(session);
      const next: Record<string, string> = { ...state.settings };
      for (const [k, v] of Object.entries(update(state.settings))) {
        if (v === undefined) delete next[k];
        else next[k] = v;
      }
      const xml = settingsXml(next);
      await session.add(utf8Bytes(xml) + 200, () => {
        if (state.parts.length === 0) ctx.workbook.customXmlParts.add(xml);
        else {
          state.parts[0].setXml(xml);
          for (const extra of state.parts.slice(1)) extra.delete();
        }
      });
      await session.flush();
      return next;
    });
  } catch (e) {
    throw toEngineError(e, "marking");
  }
}
