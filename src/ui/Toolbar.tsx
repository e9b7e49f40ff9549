import type { ComponentChildren, Ref } from 'preact';
import type { ParsedFilter } from '../query';
import { COLUMNS, KIND_CHIPS, type ColumnKey } from './listModel';

export type PanelView = 'calls' | 'findings' | 'frames' | 'compare' | 'decode' | 'diagnose';

const VIEW_LABELS: Record<PanelView, string> = { calls: 'Calls', findings: 'Findings', frames: 'Frames', compare: 'Compare', decode: 'Decode token', diagnose: 'Diagnose' };

interface Props {
  live: boolean;
  recording: boolean;
  preserveLog: boolean;
  onRecord: () => void;
  onClear: () => void;
  onPreserveLog: (on: boolean) => void;
  filterText: string;
  filter: ParsedFilter;
  filterRef: Ref<HTMLInputElement>;
  onFilter: (text: string) => void;
  chips: ReadonlySet<string>;
  onChip: (label: string) => void;
  errorsOnly: boolean;
  onErrorsOnly: (on: boolean) => void;
  hidden: ReadonlySet<ColumnKey>;
  onToggleColumn: (key: ColumnKey) => void;
  view: PanelView;
  onView: (view: PanelView) => void;
  onExport: () => void;
  importSlot: ComponentChildren;
  onSettings: (() => void) | null;
  onOpenViewer: (() => void) | null;
  shown: number;
  total: number;
  /** Findings so far, shown on the Findings tab. */
  findingCount: number;
}

export function Toolbar(p: Props) {
  return (
    <div class="toolbar" role="toolbar" aria-label="Forge Bridge">
      {p.live && (
        <>
          <button type="button" aria-pressed={!p.recording} title={p.recording ? 'Pause recording' : 'Resume recording'} onClick={p.onRecord}>
            {p.recording ? '⏸ Pause' : '⏺ Record'}
          </button>
          <button type="button" title="Clear the calls of this tab" onClick={p.onClear}>⊘ Clear</button>
          <label title="Keep calls across navigations">
            <input type="checkbox" checked={p.preserveLog} onChange={(e) => p.onPreserveLog((e.target as HTMLInputElement).checked)} /> Preserve log
          </label>
        </>
      )}
      <span class="filter">
        <input
          ref={p.filterRef}
          type="search"
          aria-label="Filter calls"
          placeholder="Filter  (kind:requestRemote status:5xx -getContext duration>500)  /"
          value={p.filterText}
          onInput={(e) => p.onFilter((e.target as HTMLInputElement).value)}
          aria-invalid={p.filter.problems.length > 0}
          aria-describedby={p.filter.problems.length ? 'filter-problems' : undefined}
        />
        {p.filter.problems.length > 0 && (
          <span id="filter-problems" class="warn" role="status">{p.filter.problems.map((x) => `${x.term}: ${x.message}`).join('; ')}</span>
        )}
      </span>
      <span role="group" aria-label="Kinds" class="chips">
        {KIND_CHIPS.map((c) => (
          <button key={c.label} type="button" class="chip" aria-pressed={p.chips.has(c.label)} onClick={() => p.onChip(c.label)}>{c.label}</button>
        ))}
      </span>
      <label><input type="checkbox" checked={p.errorsOnly} onChange={(e) => p.onErrorsOnly((e.target as HTMLInputElement).checked)} /> Errors only</label>
      <details class="columns">
        <summary>Columns</summary>
        <div class="menu">
          {COLUMNS.filter((c) => c.key !== 'summary').map((c) => (
            <label key={c.key}><input type="checkbox" checked={!p.hidden.has(c.key)} onChange={() => p.onToggleColumn(c.key)} /> {c.label}</label>
          ))}
        </div>
      </details>
      <span role="tablist" aria-label="Views" class="views">
        {(Object.keys(VIEW_LABELS) as PanelView[]).map((v) => (
          <button key={v} type="button" role="tab" aria-selected={p.view === v} onClick={() => p.onView(v)}>
            {VIEW_LABELS[v]}
            {v === 'findings' && p.findingCount > 0 && <span class="badge" data-testid="finding-count"> {p.findingCount}</span>}
          </button>
        ))}
      </span>
      <button type="button" onClick={p.onExport} title="Export a trace or HAR, redacted by default">Export</button>
      {p.importSlot}
      {p.onOpenViewer && <button type="button" onClick={p.onOpenViewer} title="Open the trace viewer">Viewer</button>}
      {p.onSettings && <button type="button" onClick={p.onSettings} title="Origins and trusted JWKS URLs">⚙ Settings</button>}
      <span class="count" data-testid="call-count">{p.shown === p.total ? `${p.total} calls` : `${p.shown} / ${p.total} calls`}</span>
    </div>
  );
}
