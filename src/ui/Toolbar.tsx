import type { ComponentChildren, Ref } from 'preact';
import type { ParsedFilter } from '../query';
import { Icon } from './icons';
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

/** The views, in tab order: adding one is one line here (and its case in Panel). */
export const VIEWS: readonly { id: PanelView; label: string }[] = (Object.keys(VIEW_LABELS) as PanelView[]).map((id) => ({ id, label: VIEW_LABELS[id] }));

/** DevTools-like tab strip of the panel's views. */
export function ViewTabs({ view, onView, findingCount }: Pick<Props, 'view' | 'onView' | 'findingCount'>) {
  return (
    <div role="tablist" aria-label="Views" class="views">
      {VIEWS.map(({ id, label }) => (
        <button key={id} type="button" role="tab" aria-selected={view === id} onClick={() => onView(id)}>
          {label}
          {id === 'findings' && findingCount > 0 && <span class="badge" data-testid="finding-count"> {findingCount}</span>}
        </button>
      ))}
    </div>
  );
}

function KindChips({ chips, onChip }: Pick<Props, 'chips' | 'onChip'>) {
  return (
    <>
      {KIND_CHIPS.map((c) => (
        <button key={c.label} type="button" class="chip" aria-pressed={chips.has(c.label)} onClick={() => onChip(c.label)}>{c.label}</button>
      ))}
    </>
  );
}

/**
 * The view tab strip, then one row of tools that fits a docked DevTools (600 px): record and clear as icons,
 * the filter taking what is left, kind chips inline when wide (in a "Kinds" menu when narrow), Errors only,
 * Columns, Export and Import, and the rarely used actions (preserve log, viewer, settings) in a "more" menu.
 */
export function Toolbar(p: Props) {
  const kindsOn = p.chips.size;
  return (
    <header class="panel-head">
      <ViewTabs view={p.view} onView={p.onView} findingCount={p.findingCount} />
      <div class="toolbar" role="toolbar" aria-label="Forge Bridge">
        {p.live && (
          <>
            <button type="button" class="icon-button" aria-pressed={!p.recording} aria-label={p.recording ? 'Pause recording' : 'Resume recording'} title={p.recording ? 'Pause recording' : 'Resume recording'} onClick={p.onRecord}>
              <Icon name={p.recording ? 'pause' : 'record'} />
            </button>
            <button type="button" class="icon-button" aria-label="Clear" title="Clear the calls of this tab" onClick={p.onClear}><Icon name="clear" /></button>
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
        </span>
        <span role="group" aria-label="Kinds" class="chips wide-only"><KindChips chips={p.chips} onChip={p.onChip} /></span>
        <details class="drop narrow-only">
          <summary title="Kinds"><Icon name="kinds" />{kindsOn ? ` ${kindsOn}` : ''}</summary>
          <div class="menu" role="group" aria-label="Kinds"><KindChips chips={p.chips} onChip={p.onChip} /></div>
        </details>
        <label class="check"><input type="checkbox" checked={p.errorsOnly} onChange={(e) => p.onErrorsOnly((e.target as HTMLInputElement).checked)} /><span>Errors only</span></label>
        <details class="drop columns">
          <summary title="Columns"><Icon name="columns" /><span class="wide-only"> Columns</span></summary>
          <div class="menu">
            {COLUMNS.filter((c) => c.key !== 'summary').map((c) => (
              <label key={c.key} class="check"><input type="checkbox" checked={!p.hidden.has(c.key)} onChange={() => p.onToggleColumn(c.key)} /><span>{c.label}</span></label>
            ))}
          </div>
        </details>
        <button type="button" onClick={p.onExport} title="Export a trace or HAR, redacted by default" aria-label="Export"><Icon name="download" /><span class="wide-only"> Export</span></button>
        {p.importSlot}
        {(p.live || p.onOpenViewer || p.onSettings) && (
          <details class="drop more">
            <summary title="More" aria-label="More"><Icon name="more" /></summary>
            <div class="menu menu-end">
              {p.live && (
                <label class="check" title="Keep calls across navigations">
                  <input type="checkbox" checked={p.preserveLog} onChange={(e) => p.onPreserveLog((e.target as HTMLInputElement).checked)} /><span>Preserve log</span>
                </label>
              )}
              {p.onOpenViewer && <button type="button" onClick={p.onOpenViewer} title="Open the trace viewer">Trace viewer</button>}
              {p.onSettings && <button type="button" onClick={p.onSettings} title="Origins and trusted JWKS URLs">Settings</button>}
            </div>
          </details>
        )}
        <span class="count" data-testid="call-count">{p.shown === p.total ? `${p.total} calls` : `${p.shown} / ${p.total} calls`}</span>
      </div>
      {p.filter.problems.length > 0 && (
        <div id="filter-problems" class="warn banner" role="status">{p.filter.problems.map((x) => `${x.term}: ${x.message}`).join('; ')}</div>
      )}
    </header>
  );
}
