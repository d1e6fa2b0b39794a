import * as React from "react";
import { Button, Text, makeStyles } from "@fluentui/react-components";
import type { PaneText } from "../strings";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: "8px", alignItems: "flex-start" },
});

export interface StarterPanelProps {
  t: PaneText;
  /** Units the check found (one row each in "Định biên"). */
  units: number;
  /** The rule set's name, in the pane's language. */
  ruleSetName: string;
  disabled: boolean;
  onCreate(): void;
}

/** The first-run screen: the workbook has no quota sheet and no "Quy định" sheet; offer to create them. */
export function StarterPanel({ t, units, ruleSetName, disabled, onCreate }: StarterPanelProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <section aria-labelledby="starter-heading" className={styles.stack}>
      <h2 id="starter-heading">{t.starterTitle}</h2>
      <Text id="starter-help">{t.starterHelp(units, ruleSetName)}</Text>
      <Button appearance="primary" aria-describedby="starter-help" disabled={disabled} onClick={onCreate}>
        {t.starterCreate}
      </Button>
    </section>
  );
}
