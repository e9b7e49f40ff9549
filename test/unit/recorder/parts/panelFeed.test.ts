import { describe, expect, it } from 'vitest';
import { newTabSession } from '../../../../src/protocol/model';
import type { BackgroundToPanel } from '../../../../src/protocol/runtime';
import { delta, PanelFeed, type FeedSource } from '../../../../src/recorder/panelFeed';

const source: FeedSource = {
  session: () => newTabSession(1),
  summary: () => newTabSession(1),
  frame: () => undefined,
  call: () => undefined,
};

describe('PanelFeed', () => {
  it('sends the first session, then one message of each kind a delta names, to the tab’s listeners only', () => {
    const feed = new PanelFeed();
    const one: BackgroundToPanel[] = [];
    const two: BackgroundToPanel[] = [];
    feed.subscribe(1, (m) => one.push(m), newTabSession(1));
    const stop = feed.subscribe(2, (m) => two.push(m), newTabSession(2));
    const d = delta();
    d.cleared = true;
    d.evictedNetwork.push('n1');
    feed.emit(1, d, source);
    expect(one.map((m) => m.type)).toEqual(['session', 'cleared', 'evicted', 'summary']);
    expect(two.map((m) => m.type)).toEqual(['session']);
    stop();
    feed.emit(2, d, source);
    expect(two).toHaveLength(1);
  });

  it('sends one whole session after a navigation, and keeps feeding when a listener throws', () => {
    const feed = new PanelFeed();
    const seen: string[] = [];
    feed.subscribe(1, () => { throw new Error('broken panel'); }, newTabSession(1));
    feed.subscribe(1, (m) => seen.push(m.type), newTabSession(1));
    const d = delta();
    d.session = true;
    d.counters = true;
    feed.emit(1, d, source);
    expect(seen).toEqual(['session', 'session']);
  });
});
