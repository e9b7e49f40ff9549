import { durationOf, type CallRecord, type FrameRecord } from '../../protocol';
import { callFailed } from '../../query';
import { formatClock, formatDuration } from '../format';
import type { PanelEnvironment } from '../panelEnvironment';
import { ErrorView } from './ErrorView';
import { InitiatorStack } from './Initiator';
import { whatHappened, type CarriedToken } from './whatHappened';

/** What the call was, from which frame and module, and how it ended; a subscription's deliveries. */
export function Overview({ call, frame, token = null, openResource = null, originalPlace = null }: { call: CallRecord; frame: FrameRecord | null; token?: CarriedToken | null; openResource?: PanelEnvironment['openResource']; originalPlace?: PanelEnvironment['originalPlace'] }) {
  const failed = callFailed(call);
  const module = frame ? /[?&]moduleKey=([^&]+)/.exec(frame.url)?.[1] : undefined;
  const outcome = call.status === 'pending' ? 'still pending' : call.status === 'ok' ? 'resolved' : 'rejected';
  return (
    <div class="overview">
      <p class={`what ${failed ? 'error' : ''}`} data-testid="what-happened">{whatHappened(call, token)}</p>
      {call.status === 'error' && <ErrorView value={call.error?.value} />}
      <dl>
        <dt>Call</dt><dd><code>{call.summary}</code></dd>
        <dt>Command</dt><dd><code>{call.command}</code> ({call.kind})</dd>
        <dt>Frame</dt><dd>{frame ? <code>{frame.url}</code> : <code>{call.frameKey}</code>}</dd>
        {module && (<><dt>Module</dt><dd>{decodeURIComponent(module)}</dd></>)}
        {frame?.bridge && (<><dt>Bridge</dt><dd>{frame.bridge.semver ?? 'unknown version'}, {frame.bridge.via === 'trap' ? 'caught as it was installed' : 'already installed when the hook ran'}{frame.bridge.frozen ? ', frozen' : ''}</dd></>)}
        <dt>Outcome</dt><dd class={call.status === 'error' ? 'error' : ''}>{outcome}</dd>
        <dt>Started</dt><dd>{formatClock(call.startedAt)}</dd>
        <dt>Duration</dt><dd>{formatDuration(durationOf(call))}</dd>
        <dt>Initiator</dt><dd><InitiatorStack initiator={call.initiator} openResource={openResource} originalPlace={originalPlace} /></dd>
      </dl>
      {call.deliveries.length > 0 && (
        <>
          <h4>Deliveries to the app's callback ({call.deliveries.length}{call.deliveriesDropped ? `, ${call.deliveriesDropped} more dropped` : ''})</h4>
          <ol class="deliveries">
            {call.deliveries.map((d) => <li key={d.seq}><span class="muted">{formatClock(d.at)}</span> <code>{JSON.stringify(d.args.value).slice(0, 200)}</code></li>)}
          </ol>
        </>
      )}
    </div>
  );
}
