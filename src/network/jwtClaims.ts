/** The unverified header and claims of a compact JWT, or null; for recognising Forge tokens in traffic (no verification here). */
export function peekJwt(token: string): { header: Record<string, unknown>; claims: Record<string, unknown> } | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] === '' || parts[1] === '') return null;
  const header = decodePart(parts[0]!);
  const claims = decodePart(parts[1]!);
  return header && claims ? { header, claims } : null;
}

function decodePart(part: string): Record<string, unknown> | null {
  if (!/^[A-Za-z0-9_-]+$/.test(part)) return null;
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (part.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The JWT in an `Authorization: Bearer <jwt>` value, or null. */
export function bearerJwt(authorization: string | null): string | null {
  const match = authorization ? /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i.exec(authorization.trim()) : null;
  return match ? match[1]! : null;
}

/**
 * A Forge token: its issuer or key id says so (forge-facts §3). The key id alone is enough, so a token whose
 * claims do not decode (forge-facts §8.2) is still recognised by its header.
 */
export function isForgeJwt(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] === '') return false;
  const kid = decodePart(parts[0]!)?.kid;
  if (typeof kid === 'string' && kid.startsWith('forge/')) return true;
  return peekJwt(token)?.claims.iss === 'forge/invocation-token';
}
