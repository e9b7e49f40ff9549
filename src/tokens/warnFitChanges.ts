import type { TokenRecord, TokenWarning } from '../protocol/tokens';
import { objectAt, stringOf } from './claims';
import { refOf, type WarningContext } from './warningContext';

/** The app a FIT belongs to: app.id, else the frame of the first call that used it. */
function appKeyOf(token: TokenRecord, context: WarningContext): string {
  const appId = stringOf(objectAt(token.claims, 'app')?.id);
  if (appId) return appId;
  const callId = token.uses.find((u) => u.callId)?.callId;
  const frameKey = callId ? context.calls.get(callId)?.frameKey : undefined;
  return frameKey ? `the app in frame ${frameKey}` : 'an unnamed app';
}

function environmentText(token: TokenRecord): string {
  const env = objectAt(token.claims, 'app', 'environment');
  return env ? `${String(env.type ?? '?')} ${String(env.id ?? '?')}` : 'none';
}

const audText = (token: TokenRecord): string => (token.claims.aud === undefined ? 'none' : typeof token.claims.aud === 'string' ? token.claims.aud : JSON.stringify(token.claims.aud));

/** aud-changed and env-changed: between each FIT and the one before it of the same app, in the order first seen. */
export function fitChangeWarnings(tokens: readonly TokenRecord[], context: WarningContext): TokenWarning[] {
  const out: TokenWarning[] = [];
  const previousOfApp = new Map<string, TokenRecord>();
  const fits = tokens.filter((t) => t.type === 'FIT').sort((a, b) => a.firstSeenAt - b.firstSeenAt);
  for (const fit of fits) {
    const app = appKeyOf(fit, context);
    const previous = previousOfApp.get(app);
    previousOfApp.set(app, fit);
    if (!previous) continue;
    const ref = refOf(fit, fit.uses[0], context);
    const [audBefore, audNow] = [audText(previous), audText(fit)];
    if (audBefore !== audNow) {
      out.push({ code: 'aud-changed', severity: 'warning', ...ref, message: `The audience changed between two FITs of ${app} (${audBefore} → ${audNow}), so a remote that checks aud against one app id refuses one of them.` });
    }
    const [envBefore, envNow] = [environmentText(previous), environmentText(fit)];
    if (envBefore !== envNow) {
      out.push({ code: 'env-changed', severity: 'warning', ...ref, message: `The app environment changed between two FITs of ${app} (${envBefore} → ${envNow}), so the remote is called from both environments.` });
    }
  }
  return out;
}
