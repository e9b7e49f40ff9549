import type { IncomingHttpHeaders } from 'node:http';
import type { JWTHeaderParameters, JWTPayload } from 'jose';

/** What the remote received, request by request (GET /__log, sandbox.remoteLog()). */

/**
 * How the request most likely came (a guess): 'invokeRemote' when it carries x-forge-oauth-* headers or the
 * platform's user-agent, 'requestRemote' when it carries an Origin header (a browser), 'preflight' for
 * OPTIONS, else 'unknown'.
 */
export type RemoteVia = 'invokeRemote' | 'requestRemote' | 'preflight' | 'unknown';

export interface FitCheck {
  present: boolean;
  verified: boolean;
  /** Why verification failed (jose's message), when it did. */
  error?: string;
  /** jose's error code, e.g. ERR_JWT_EXPIRED, ERR_JWS_SIGNATURE_VERIFICATION_FAILED. */
  code?: string;
  /** Decoded (unverified) header and claims, when the token decodes. */
  header?: JWTHeaderParameters;
  claims?: JWTPayload;
}

export interface RemoteLogEntry {
  seq: number;
  /** ISO time the request arrived. */
  time: string;
  method: string;
  /** Path with query, as received. */
  url: string;
  path: string;
  headers: IncomingHttpHeaders;
  origin: string | null;
  bodySize: number;
  /** The first 2 KB of the body as UTF-8. */
  bodyPreview: string;
  via: RemoteVia;
  fit: FitCheck;
  /** Preflight / CORS outcome for requests carrying an Origin. */
  cors: 'allowed' | 'refused' | 'none';
  /** A fault knob that hit this request. */
  fault?: 'remote401' | 'remote500' | 'remoteHang' | 'remoteDrop';
  /** Response status (set when the response is sent; absent for hangs and drops). */
  status?: number;
  /** Time from arrival to the end of the response. */
  durationMs?: number;
}

export class RemoteLog {
  private entries: RemoteLogEntry[] = [];
  private seq = 0;

  /** Stores the entry and returns it (the stored object, so the caller can complete it). */
  add(entry: Omit<RemoteLogEntry, 'seq'>): RemoteLogEntry {
    const full = { seq: ++this.seq, ...entry };
    this.entries.push(full);
    return full;
  }

  list(): RemoteLogEntry[] {
    return structuredClone(this.entries);
  }

  clear(): void {
    this.entries = [];
  }
}
