import * as React from "react";
import { Button, Text, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { PANE_TEXT, type PaneLanguage } from "./strings";
import { lastOutcome, outcomeLine, subscribeOutcome, type RunOutcome } from "../excel/outcome";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", padding: "16px", minHeight: "100vh", boxSizing: "border-box" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface AppProps {
  initialLanguage: PaneLanguage;
  inExcel: boolean;
}

/** The task pane. Its real work (run, findings, mapping) arrives with the task-pane issue. */
export function App({ initialLanguage, inExcel }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [lang, setLang] = React.useState<PaneLanguage>(initialLanguage);
  const t = PANE_TEXT[lang];
  // The last click's outcome ("Kiểm tra hồ sơ" / "Xóa đánh dấu"), from the shared runtime's bus.
  const [outcome, setOutcome] = React.useState<RunOutcome | undefined>(lastOutcome);
  React.useEffect(() => subscribeOutcome(setOutcome), []);
  return (
    <main className={styles.root} lang={lang}>
      <Title2 as="h1">{t.title}</Title2>
      <Text>{t.subtitle}</Text>
      <Text role="status">{inExcel ? t.ready : t.notInExcel}</Text>
      {outcome && (
        <Text role="alert" weight="semibold">
          {t.lastRun}: {outcomeLine(outcome, lang)}
        </Text>
      )}
      <Text size={200} className={styles.muted}>
        {t.privacy}
      </Text>
      <Button appearance="secondary" onClick={() => setLang(lang === "vi" ? "en" : "vi")} aria-label={lang === "vi" ? "Switch to English" : "Chuyển sang tiếng Việt"}>
        {t.language}
      </Button>
    </main>
  );
}
