import { bootTimelineOf, type BootTimeline } from '../../insights';
import type { CallRecord, FrameRecord } from '../../protocol';
import { formatDuration, shortFrameName } from '../format';

function Waterfall({ timeline }: { timeline: BootTimeline }) {
  const start = timeline.marks[0]?.at ?? timeline.origin;
  const span = Math.max(1, (timeline.marks[timeline.marks.length - 1]?.at ?? start) - start);
  return (
    <div class="boot-waterfall" role="img" aria-label={`Boot over ${formatDuration(span)}`}>
      {timeline.marks.map((m) => (
        <span key={m.name} class={`boot-mark mark-${m.name}`} style={{ left: `${((m.at - start) / span) * 100}%` }} title={`${m.label}: +${formatDuration(m.at - start)}`} />
      ))}
    </div>
  );
}

function FrameBoot({ frame, calls }: { frame: FrameRecord; calls: readonly CallRecord[] }) {
  const timeline = bootTimelineOf(frame, calls);
  const start = timeline.marks[0]?.at ?? timeline.origin;
  const longest = timeline.gaps.reduce<number>((max, g) => Math.max(max, g.ms), 0);
  return (
    <section class="frame-boot" data-testid="frame-boot" data-frame-key={frame.key}>
      <h3 title={frame.url}>{shortFrameName(frame.url)}{frame.isTop ? ' (top frame)' : ''}</h3>
      {timeline.marks.length === 0 ? (
        <p class="muted">Nothing of this frame's boot was recorded yet.</p>
      ) : (
        <>
          <Waterfall timeline={timeline} />
          <ol class="boot-marks">
            {timeline.marks.map((m) => (
              <li key={m.name} data-mark={m.name}>+{formatDuration(m.at - start)} {m.label}</li>
            ))}
          </ol>
          {timeline.gaps.length > 0 && (
            <ul class="boot-gaps" aria-label="Gaps">
              {timeline.gaps.map((g) => (
                <li key={`${g.from}-${g.to}`} data-testid="boot-gap" class={g.ms === longest && longest >= 100 ? 'warn' : ''}>{g.text}</li>
              ))}
            </ul>
          )}
          {!frame.boot && <p class="muted">Navigation start, the bridge's arrival and paint were not recorded for this frame (a trace from an older version, or a frame hooked late): the marks start at its first call.</p>}
        </>
      )}
    </section>
  );
}

/** The Frames view: per Forge frame, how it booted, as a small waterfall with the gaps named. */
export function FramesView({ frames, calls }: { frames: readonly FrameRecord[]; calls: readonly CallRecord[] }) {
  if (frames.length === 0) return <div class="frames empty">No Forge frame has been seen on this tab yet.</div>;
  const byFrame = new Map<string, CallRecord[]>();
  for (const c of calls) {
    const list = byFrame.get(c.frameKey);
    if (list) list.push(c);
    else byFrame.set(c.frameKey, [c]);
  }
  return (
    <div class="frames" data-testid="frames">
      {frames.map((f) => <FrameBoot key={f.key} frame={f} calls={byFrame.get(f.key) ?? []} />)}
    </div>
  );
}
