import type { TraceV2 } from '../protocol';
import { traceToSession } from '../trace';
import type { PanelDataSource } from './dataSource';

/** A data source that is a file: one session, nothing to send back. */
export function fileSource(trace: TraceV2): PanelDataSource {
  return {
    connect(onMessage) {
      onMessage({ type: 'session', session: traceToSession(trace) });
      return () => undefined;
    },
    send() {
      // a file is read-only
    },
  };
}
