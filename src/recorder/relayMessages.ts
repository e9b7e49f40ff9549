import type { FrameRecord } from '../protocol/model';
import type { RelayToBackground } from '../protocol/runtime';
import type { CallEvents } from './callEvents';
import type { Delta } from './panelFeed';
import type { TabContext, TabState } from './tabState';

/**
 * Applies a relay's messages to its tab: a hello (a document, its frame, and for a top frame maybe a
 * navigation) and batches of hook events, checked against the document's sequence numbers.
 */
export class RelayMessages {
  constructor(
    private readonly events: CallEvents,
    private readonly ctx: TabContext,
  ) {}

  hello(s: TabState, frameId: number, m: Extract<RelayToBackground, { type: 'hello' }>, d: Delta): void {
    const key = `${frameId}:${m.docId}`;
    // A document that says hello again (back from the back/forward cache) records again.
    s.docs.setRetired(s.docs.use(key), false);
    if (frameId === 0) this.topDocument(s, key, m.url, d);
    else if (s.segments.ensure(m.parentUrl || m.url).changed) d.counters = true;
    let frame = s.frames.get(key);
    if (!frame) {
      frame = this.newFrame(s, frameId, m.docId, d);
      frame.url = m.url;
      frame.parentUrl = m.parentUrl;
      s.frameChanged(frame, d);
    } else if ((frame.url === '' && m.url !== '') || (frame.parentUrl === '' && m.parentUrl !== '')) {
      frame.url ||= m.url;
      frame.parentUrl ||= m.parentUrl;
      s.frameChanged(frame, d);
    }
  }

  batch(s: TabState, frameId: number, m: Extract<RelayToBackground, { type: 'batch' }>, d: Delta): number {
    const key = `${frameId}:${m.docId}`;
    const doc = s.docs.use(key);
    const { gap, skip } = s.docs.accept(doc, m.firstSeq, m.events.length);
    if (m.losses) s.relayLosses(doc, m.losses, d);
    if (gap > 0) {
      // Events the relay numbered but never delivered (dropped while the background was away).
      s.losses.inTransit += gap;
      d.counters = true;
    }
    if (skip < m.events.length && !doc.retired) {
      let frame = s.frames.get(key);
      if (!frame) {
        // A frame first seen through a batch (its hello was lost).
        frame = this.newFrame(s, frameId, m.docId, d);
        s.frameChanged(frame, d);
      }
      for (let i = skip; i < m.events.length; i++) this.events.apply(s, doc, frame, m.events[i]!, d);
    }
    return doc.nextSeq - 1;
  }

  private newFrame(s: TabState, frameId: number, docId: string, d: Delta): FrameRecord {
    const { segment, changed } = s.segments.ensure('');
    if (changed) d.counters = true;
    const frame: FrameRecord = {
      key: `${frameId}:${docId}`,
      frameId,
      docId,
      url: '',
      isTop: frameId === 0,
      parentUrl: '',
      firstSeenAt: this.ctx.now(),
      hookReady: false,
      bridge: null,
      transport: 'unknown',
      segment: segment.index,
    };
    s.frames.add(frame);
    return frame;
  }

  /** A top-frame document said hello: without preserve log, a navigation discards the earlier calls and frames. */
  private topDocument(s: TabState, key: string, url: string, d: Delta): void {
    const { result, changed } = s.segments.topDocument(key, url, s.preserveLog);
    if (changed) d.counters = true;
    if (result !== 'navigation') return;
    if (!s.preserveLog) {
      s.discardCalls(d);
      for (const k of s.frames.keys()) {
        const doc = s.docs.get(k);
        if (doc) s.docs.setRetired(doc, true);
      }
      s.frames.clear();
      this.ctx.changes.clear(s.tabId, 'frames');
      d.frames.clear();
    }
    d.session = true;
  }
}
