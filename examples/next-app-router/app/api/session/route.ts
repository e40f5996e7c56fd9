import { TENANTS } from '../../../lib/session';

/** A fake sign-in: keeps the chosen tenant in a cookie, as a real session would. */
export async function POST(request: Request): Promise<Response> {
  const body: unknown = await request.json().catch(() => null);
  const wanted = typeof body === 'object' && body !== null && 'tenant' in body ? body.tenant : undefined;
  const tenant = TENANTS.find((name) => name === wanted);
  if (!tenant)
    return Response.json({ error: `tenant must be one of ${TENANTS.join(', ')}` }, { status: 400 });
  return Response.json(
    { tenant },
    { headers: { 'set-cookie': `demo-tenant=${tenant}; Path=/; HttpOnly; SameSite=Lax` } },
  );
}
