/** What every transport of Feishu events implements (as Bolt's Receiver does): start, stop, and its state for /healthz. */

/** The state /healthz reports for a receiver. */
export type ReceiverState = 'connected' | 'connecting' | 'disconnected';

/** A transport that feeds each event it receives into the bot's one `handle(event)`. */
export interface Receiver {
  /** Starts receiving; rejects when it cannot (a port in use). */
  start(): Promise<void>;
  /** Stops receiving and releases its socket or port. */
  stop(): Promise<void>;
  state(): ReceiverState;
}
