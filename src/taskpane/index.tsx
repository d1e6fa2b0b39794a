import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { officeHost } from "../excel";
import { excelActions } from "./actions";
import { App } from "./App";
import { languageFor } from "./strings";

/** Dark Office themes get Fluent's dark theme (read once at onReady: Excel has no theme-change event). */
function isDark(): boolean {
  const theme = typeof Office !== "undefined" ? Office.context?.officeTheme : undefined;
  if (theme && typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme;
  const bg = theme?.bodyBackgroundColor;
  if (!bg || !/^#?[0-9a-f]{6}$/i.test(bg)) return false;
  const n = parseInt(bg.replace("#", ""), 16);
  const luminance = 0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255);
  return luminance < 128;
}

function render(inExcel: boolean): void {
  const container = document.getElementById("container");
  if (!container) return;
  const lang = languageFor(inExcel ? Office.context.displayLanguage : navigator.language);
  document.documentElement.lang = lang;
  createRoot(container).render(
    <FluentProvider theme={isDark() ? webDarkTheme : webLightTheme}>
      <App initialLanguage={lang} inExcel={inExcel} {...(inExcel ? { actions: excelActions(officeHost()) } : {})} />
    </FluentProvider>,
  );
}

// Gate on Office.onReady once (outside Office, e.g. in a browser test, host is null).
if (typeof Office !== "undefined") {
  Office.onReady((info) => render(info.host === Office.HostType.Excel));
} else {
  render(false);
}
