import * as React from "react";
import { Button, Checkbox, Field, Input, ProgressBar, Select, makeStyles } from "@fluentui/react-components";
import { REGIMES, regimeForDate } from "../../core/rulesets/regimes";
import { parseIsoDay } from "../../core/engine";
import type { PaneLanguage, PaneText } from "../strings";
import { trainingYear, type Phase } from "../model";

const useStyles = makeStyles({
  row: { display: "flex", gap: "8px", flexWrap: "wrap" },
  stack: { display: "flex", flexDirection: "column", gap: "8px" },
  // A long option (the automatic rule set's name) must not widen the pane past its width.
  shrink: { minWidth: 0, maxWidth: "100%" },
  shrinkSelect: { minWidth: 0, width: "100%", textOverflow: "ellipsis" },
  group: { display: "flex", flexDirection: "column", gap: "8px", border: "none", margin: 0, padding: 0, minWidth: 0 },
});

const STEP: Partial<Record<Phase, number>> = { reading: 1, checking: 2, writing: 3 };

export interface RunPanelProps {
  t: PaneText;
  lang: PaneLanguage;
  phase: Phase;
  disabled: boolean;
  asOf: string;
  ruleSetId: string;
  onAsOf(v: string): void;
  onRuleSet(id: string): void;
  onValidate(): void;
  onCancel(): void;
  onWriteSummaries(): void;
  onClear(): void;
  /** The training options, once a check has found a training sheet. */
  training?: { since: string; count: boolean; onSince(v: string): void; onCount(v: boolean): void };
}

/** Rule set, as-of date, the run with its stage and cancel, and the two other commands. */
export function RunPanel(p: RunPanelProps): React.JSX.Element {
  const styles = useStyles();
  const { t } = p;
  const validDate = parseIsoDay(p.asOf) !== undefined;
  const auto = validDate ? regimeForDate(p.asOf) : undefined;
  const step = STEP[p.phase];
  const running = step !== undefined;
  const reportYear = validDate ? Number(p.asOf.slice(0, 4)) : new Date().getFullYear();
  const sinceBad = p.training !== undefined && trainingYear(p.training.since, p.asOf) === "invalid";
  const canRun = validDate && !sinceBad;
  return (
    <section aria-labelledby="run-heading" className={styles.stack}>
      <h2 id="run-heading">{t.settings}</h2>
      <Field label={t.asOf} validationState={validDate ? "none" : "error"} validationMessage={validDate ? undefined : t.asOfInvalid}>
        <Input type="date" value={p.asOf} onChange={(_e, d) => p.onAsOf(d.value)} disabled={running} />
      </Field>
      <Field label={t.ruleSet} className={styles.shrink}>
        <Select className={styles.shrink} select={{ className: styles.shrinkSelect }} value={p.ruleSetId} onChange={(_e, d) => p.onRuleSet(d.value)} disabled={running}>
          <option value="">{t.ruleSetAuto(auto ? (p.lang === "vi" ? auto.nameVi : auto.nameEn) : "—")}</option>
          {REGIMES.map((r) => (
            <option key={r.id} value={r.id}>
              {p.lang === "vi" ? r.nameVi : r.nameEn}
            </option>
          ))}
        </Select>
      </Field>
      {p.training && (
        <fieldset className={styles.group}>
          <legend>{t.trainingGroup}</legend>
          <Field label={t.trainingSince} validationState={sinceBad ? "error" : "none"} validationMessage={sinceBad ? t.trainingSinceInvalid(reportYear) : undefined} hint={sinceBad ? undefined : t.trainingSinceHint(reportYear - 5)}>
            <Input inputMode="numeric" value={p.training.since} placeholder={String(reportYear - 5)} onChange={(_e, d) => p.training!.onSince(d.value)} disabled={running} />
          </Field>
          <Checkbox label={t.countTraining} checked={p.training.count} onChange={(_e, d) => p.training!.onCount(d.checked === true)} disabled={running} />
        </fieldset>
      )}
      <div className={styles.row}>
        <Button appearance="primary" onClick={p.onValidate} disabled={p.disabled || running || !canRun}>
          {t.validate}
        </Button>
        {running && (
          <Button onClick={p.onCancel} disabled={p.phase === "writing"} title={p.phase === "writing" ? t.cancelNotNow : undefined}>
            {t.cancel}
          </Button>
        )}
      </div>
      {running && (
        <Field label={t.stage[p.phase as "reading" | "checking" | "writing"]} hint={t.stageStep(step)}>
          <ProgressBar value={step} max={3} aria-valuetext={`${t.stage[p.phase as "reading" | "checking" | "writing"]} ${t.stageStep(step)}`} />
        </Field>
      )}
      <div className={styles.row}>
        <Button onClick={p.onWriteSummaries} disabled={p.disabled || running || !canRun}>
          {t.writeSummaries}
        </Button>
        <Button onClick={p.onClear} disabled={p.disabled || running}>
          {t.clear}
        </Button>
      </div>
    </section>
  );
}
