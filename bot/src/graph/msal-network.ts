/**
 * msal-node's HTTP client with a deadline on every call (GRAPH_TIMEOUT_MS). MSAL's own client puts
 * no deadline on the token request (only on some GET calls), so an Entra ID that accepts the
 * connection and never answers would hold every Graph call behind the sign-in. This one bounds the
 * whole exchange, body included; a timeout comes out as MSAL's network error, which the token
 * provider reports as "Entra ID could not be reached".
 */
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

export class DeadlineNetworkClient implements INetworkModule {
  constructor(private readonly timeoutMs: number) {}

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    return this.send<T>(url, 'GET', options, timeout);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>(url, 'POST', options);
  }

  private async send<T>(url: string, method: 'GET' | 'POST', options: NetworkRequestOptions | undefined, timeout?: number): Promise<NetworkResponse<T>> {
    const signal = AbortSignal.timeout(Math.min(timeout ?? this.timeoutMs, this.timeoutMs));
    try {
      const response = await fetch(url, { method, headers: options?.headers ?? {}, signal, ...(method === 'POST' ? { body: options?.body ?? '' } : {}) });
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => (headers[name] = value));
      return { headers, body: (await response.json()) as T, status: response.status };
    } catch (error) {
      const reason = (error as Error | undefined)?.name === 'TimeoutError' ? `no answer within ${this.timeoutMs} ms` : error instanceof Error ? error.message : String(error);
      throw new Error(`Network request failed: ${method} ${new URL(url).origin}: ${reason}`);
    }
  }
}
