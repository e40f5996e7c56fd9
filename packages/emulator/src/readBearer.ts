import type { IncomingMessage } from 'node:http';

/** The credential of an `Authorization: Bearer <value>` header, if any. */
export function readBearer(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  return match?.[1]?.trim();
}
