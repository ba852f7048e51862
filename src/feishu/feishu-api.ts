/**
 * The one door to the Feishu Open API. Every outgoing call (IM, contact, sheets, bitable) passes through an
 * implementation of this interface, where the timeout, retries with backoff, token eviction, quota stop, rate
 * limiting and log redaction live (feishu-client.ts).
 */
export interface FeishuRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path starting with /open-apis/…; never a full URL with credentials. */
  url: string;
  params?: Record<string, string | number | boolean | undefined>;
  data?: unknown;
  /**
   * A multipart/form-data body (a file upload), made afresh for each attempt: a file stream is read once, so a
   * retry needs a new one. Its fields are sent as form fields; a stream as a file part with its file name.
   */
  form?: () => Record<string, unknown>;
  /** Rate-limit bucket: "chat:oc_xxx" (5 messages/s per chat), "message:om_xxx" (5 updates/s per message), "sheet:<token>" to serialise writes. */
  bucket?: string;
}

/** Feishu's envelope: `code` 0 is success; anything else is a business error (often with HTTP 200). */
export interface FeishuEnvelope<T = unknown> {
  code: number;
  msg: string;
  data?: T;
}

export interface FeishuApi {
  /**
   * Sends the request and resolves to `data` when `code` is 0 (for the few APIs that answer without `data`, such as
   * bot/v3/info's `{code, msg, bot}`, to the envelope's other fields); otherwise rejects with a FeishuApiError.
   */
  call<T = unknown>(request: FeishuRequest): Promise<T>;
}

/** A Feishu call that failed for good (after retries where retrying made sense). */
export class FeishuApiError extends Error {
  constructor(
    /** Feishu business code (230002, 99991403, …), or 0 when there was none (network, timeout). */
    readonly code: number,
    /** HTTP status, or 0 for a network failure. */
    readonly httpStatus: number,
    message: string,
    /** Chinese hint for the office: what to do. */
    readonly hint: string,
  ) {
    super(message);
    this.name = 'FeishuApiError';
  }
}
