/**
 * The Graph SDK's middleware that gives each attempt of a request a deadline (GRAPH_TIMEOUT_MS).
 * The SDK has none of its own, and fetch waits for ever on a server that accepts the connection but
 * never answers: a scheduler run or a `dagordning` would hang with it. It sits after the
 * RetryHandler, so every retry gets a fresh deadline; the abort also cuts off a body that stalls
 * half way, because the SDK reads the body with the same signal.
 */
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

export class TimeoutMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly timeoutMs: number) {}

  async execute(context: Context): Promise<void> {
    const options = (context.options ??= {});
    options.signal = AbortSignal.timeout(this.timeoutMs);
    await this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
