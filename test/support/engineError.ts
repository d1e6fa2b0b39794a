/** The tests' way to catch the engine's error: the one thing a bad input must throw. */
import { isEngineError, type EngineError } from "../../src/core/errors";

/** The EngineError thrown by `fn`, failing the test when it throws something else or nothing. */
export function engineErrorOf(fn: () => unknown): EngineError {
  try {
    fn();
  } catch (e) {
    if (isEngineError(e)) return e;
    throw new Error(`expected an EngineError, got ${String(e)}`);
  }
  throw new Error("expected an EngineError, nothing was thrown");
}
