/**
 * What a DataBrain element passes to the global function named in its
 * `handle-server-event` attribute. `TOKEN_EXPIRED` is handled by the
 * provider (it fetches a new token at once); the rest of the payload is not
 * documented by DataBrain.
 *
 * @example
 * ```tsx
 * import { Dashboard, type DatabrainServerEvent } from '@databrain-embed/react';
 * const log = (event: DatabrainServerEvent) => console.warn(event.type, event.message);
 * <Dashboard dashboardId="sales-overview" onServerEvent={log} />;
 * ```
 */
export interface DatabrainServerEvent {
  type?: string;
  message?: string;
  [key: string]: unknown;
}
