/** Validates reports against schema/report.schema.json (every report in the tests goes through it). */
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const schema = JSON.parse(readFileSync(join(__dirname, "..", "..", "schema", "report.schema.json"), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

/** Schema errors of a report, as readable lines; empty when valid. */
export function reportSchemaErrors(report: unknown): string[] {
  if (validate(report)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
}

/** Assert a report is schema-valid, with the errors in the failure message. */
export function expectValidReport(report: unknown): void {
  const errors = reportSchemaErrors(report);
  if (errors.length > 0) throw new Error(`report is not schema-valid:\n${errors.join("\n")}`);
}
