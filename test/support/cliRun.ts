/** Runs the CLI in-process with captured output. */
import { runCli } from "../../src/cli/main";

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCliCaptured(argv: string[], now = Date.UTC(2026, 10, 28, 3, 0, 0)): CliOutcome {
  let stdout = "";
  let stderr = "";
  const code = runCli(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), now: () => now, interactive: false });
  return { code, stdout, stderr };
}
