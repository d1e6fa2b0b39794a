import * as React from "react";
import { Button, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { LiveStatus } from "../model";
import type { PaneLanguage, PaneText } from "../strings";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: "4px", alignItems: "flex-start" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface LiveControlProps {
  t: PaneText;
  lang: PaneLanguage;
  /** The switch. */
  on: boolean;
  live: LiveStatus | undefined;
  disabled: boolean;
  onToggle(on: boolean): void;
  /** "Kiểm tra lại toàn bộ" after a change that needs a full run. */
  onRerun(): void;
}

/**
 * "Kiểm tra lại khi sửa" (issue 9 item 3): the switch, a polite live region saying what each
 * re-check of edited rows changed, that the result sheets are out of date, and, when a change
 * needs a full run, one line with a button for it.
 */
export function LiveControl({ t, lang, on, live, disabled, onToggle, onRerun }: LiveControlProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <section aria-label={t.liveSwitch} className={styles.stack}>
      <Switch label={t.liveSwitch} checked={on} disabled={disabled} aria-describedby="live-help" onChange={(_, d) => onToggle(d.checked)} />
      <Text id="live-help" size={200} className={styles.muted}>
        {t.liveHelp}
      </Text>
      <Text role="status" aria-live="polite" data-testid="live-status">
        {live?.announcement ? live.announcement[lang] : ""}
      </Text>
      {live?.sheetsStale && (
        <Text size={200} className={styles.muted}>
          {t.liveSheetsStale}
        </Text>
      )}
      {live?.stopped && (
        <div className={styles.stack}>
          <Text>{live.stopped === "fullRun" ? t.liveFullRun : t.liveFailed}</Text>
          <Button appearance="primary" disabled={disabled} onClick={onRerun}>
            {t.liveRerun}
          </Button>
        </div>
      )}
    </section>
  );
}
