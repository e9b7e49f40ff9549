import type { Segment } from '../protocol/model';

/** What a top document's hello meant for the segments. */
export type TopDocument = 'same' | 'adopted' | 'navigation';

/**
 * A tab's page segments: one per top-level document, the current one last. A segment opens with the first
 * frame seen; a different top document is a navigation and opens the next.
 */
export class Segments {
  list: Segment[] = [];
  nextIndex = 0;
  /** Frame key of the current segment's top document, when one has said hello. */
  topDocKey: string | null = null;

  constructor(private readonly now: () => number) {}

  current(): Segment | undefined {
    return this.list[this.list.length - 1];
  }

  /** The current segment, opened when there is none; `url` fills an empty URL. Returns whether anything changed. */
  ensure(url: string): { segment: Segment; changed: boolean } {
    let segment = this.current();
    if (!segment) {
      segment = { index: this.nextIndex++, startedAt: this.now(), url };
      this.list.push(segment);
      return { segment, changed: true };
    }
    if (segment.url === '' && url !== '') {
      segment.url = url;
      return { segment, changed: true };
    }
    return { segment, changed: false };
  }

  /**
   * A top-frame document said hello. The first in a session (or after the first segment was opened by an
   * iframe) is adopted by the current segment; a different one is a navigation and opens a new segment,
   * kept beside the earlier ones with `preserve`, replacing them without.
   */
  topDocument(key: string, url: string, preserve: boolean): { result: TopDocument; changed: boolean } {
    if (this.topDocKey === key) return { result: 'same', changed: false };
    const current = this.current();
    if (!current || this.topDocKey === null) {
      this.topDocKey = key;
      if (!current) return { result: 'adopted', changed: this.ensure(url).changed };
      if (url !== '' && current.url !== url) {
        current.url = url;
        return { result: 'adopted', changed: true };
      }
      return { result: 'adopted', changed: false };
    }
    const segment: Segment = { index: this.nextIndex++, startedAt: this.now(), url };
    if (preserve) this.list.push(segment);
    else this.list = [segment];
    this.topDocKey = key;
    return { result: 'navigation', changed: true };
  }
}
