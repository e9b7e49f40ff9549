import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { describeLosses, type TraceV2 } from '../protocol';
import { parseFilter } from '../query';
import { recordedVerdicts } from '../tokens';
import { deriveForTrace, exportTraceV2, traceToSession } from '../trace';
import { CallTable } from './CallTable';
import { ComparePanel } from './compare/ComparePanel';
import type { PanelDataSource } from './dataSource';
import { useDerived } from './derived';
import { keptForExport } from './keptForExport';
import { Details } from './details/Details';
import { Diagnose } from './Diagnose';
import { EmptyState } from './EmptyState';
import { ErrorBoundary } from './ErrorBoundary';
import { FindingsView } from './findings/FindingsView';
import { useFindings } from './findings/useFindings';
import { FramesView } from './frames/FramesView';
import { createPendingCheck } from './firstChange';
import { warmCallListWhenIdle } from './rowWarmup';
import { createRowBuilder, filterRows, sortRows, type ColumnKey, type Sort } from './listModel';
import type { PanelEnvironment } from './panelEnvironment';
import { applyPanelMessage, emptySessionView, sessionOfView, type SessionView } from './sessionState';
import { PasteToDecode } from './tokens/PasteToDecode';
import { useRecordedVerdicts, withVerdicts } from './tokens/useVerification';
import { useNow } from './tokens/TokenView';
import { Toolbar, type PanelView } from './Toolbar';
import { STACKED_DETAILS_QUERY, useMediaQuery } from './useMediaQuery';
import { useLaidOutSize } from './useLaidOutSize';
import { ExportDialog } from './transfer/ExportDialog';
import { ImportButton } from './transfer/ImportButton';
import { summarizeTraffic } from '../network/trafficSummary';

const HIDDEN_KEY = 'fbdt.hiddenColumns';

function loadHidden(): Set<ColumnKey> {
  try {
    return new Set(JSON.parse(localStorage.getItem(HIDDEN_KEY) ?? '[]') as ColumnKey[]);
  } catch {
    return new Set();
  }
}

function viewOfTrace(trace: TraceV2): SessionView {
  return applyPanelMessage(emptySessionView, { type: 'session', session: traceToSession(trace) });
}

const typing = (el: EventTarget | null) => el instanceof HTMLElement && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);

/**
 * The panel: one tab's calls live (`source`, a port to the recorder), or a trace file (`initialTrace`, the
 * viewer). The same UI in DevTools, as a plain page and in the viewer; what differs comes in through the props.
 */
export function Panel({ source, tabId, env, initialTrace = null }: { source: PanelDataSource | null; tabId: number | null; env: PanelEnvironment; initialTrace?: { trace: TraceV2; name: string } | null }) {
  const hasLiveTab = source !== null && tabId !== null;
  const [live, setLive] = useState<SessionView>(emptySessionView);
  const [opened, setOpened] = useState<{ view: SessionView; trace: TraceV2; name: string; notes: string[] } | null>(initialTrace ? { view: viewOfTrace(initialTrace.trace), trace: initialTrace.trace, name: initialTrace.name, notes: [] } : null);
  const [filterText, setFilterText] = useState('');
  const [chips, setChips] = useState<Set<string>>(new Set());
  const [errorsOnly, setErrorsOnly] = useState(false);
  const [sort, setSort] = useState<Sort>({ key: 'time', descending: false });
  const [hidden, setHidden] = useState<Set<ColumnKey>>(loadHidden);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [panelView, setPanelView] = useState<PanelView>('calls');
  const [exporting, setExporting] = useState(false);
  const stacked = useMediaQuery(STACKED_DETAILS_QUERY);
  const filterRef = useRef<HTMLInputElement>(null);
  // The call list mounts with the first call (or a filter's first match) and takes the size of the area it fills.
  const main = useLaidOutSize<HTMLElement>();

  useEffect(() => {
    if (!source || tabId === null) return;
    const stop = source.connect(
      (message) => setLive((current) => applyPanelMessage(current, message)),
      () => setLive((current) => ({ ...current, connected: false })),
    );
    source.send({ type: 'subscribe', tabId });
    return stop;
  }, [source, tabId]);

  // A live tab's list is first drawn while calls stream in: its code is run and laid out once before that, out of
  // sight. Only while no call has come: once rows are drawn the warm-up has nothing left to do, and laying it out
  // beside a long list would cost a layout of the whole page (it is cancelled if the first calls come first).
  const awaitingFirstCall = hasLiveTab && live.calls.length === 0;
  useEffect(() => (awaitingFirstCall ? warmCallListWhenIdle() : undefined), [awaitingFirstCall]);

  const view = opened?.view ?? live;
  const keptDerivation = useDerived(view.calls, view.network);
  const derived = keptDerivation.derived;
  const keptFindings = useFindings(view.calls, view.frames, view.network, derived);
  const findings = keptFindings.findings;
  const carried = useMemo(() => recordedVerdicts(opened?.trace.tokens ?? []), [opened]);
  const verdicts = useRecordedVerdicts(derived.tokens, env, carried);
  const filter = useMemo(() => parseFilter(filterText), [filterText]);
  // Rows are kept across updates: a live tab's update makes rows for its new and changed calls only.
  const rowBuilder = useRef<ReturnType<typeof createRowBuilder> | null>(null);
  rowBuilder.current ??= createRowBuilder();
  const rows = rowBuilder.current(view.calls, view.frames, derived.tokens);
  const shown = useMemo(() => sortRows(filterRows(rows, { query: filter, chips, errorsOnly }), sort), [rows, filter, chips, errorsOnly, sort]);
  const selected = selectedId === null ? null : (shown.find((r) => r.call.id === selectedId) ?? null);
  // The clock ticks only while something on screen counts: a pending call's bar, a token's time to live.
  const pendingCheck = useRef<ReturnType<typeof createPendingCheck> | null>(null);
  pendingCheck.current ??= createPendingCheck();
  const anyPending = pendingCheck.current(view.calls);
  const ticking = useMemo(() => anyPending || derived.tokens.some((t) => t.exp !== null && t.exp * 1000 > Date.now()), [anyPending, derived.tokens]);
  const now = useNow(env, ticking ? 1000 : null);
  const isLive = hasLiveTab && opened === null;
  // Evicted calls have their own banner, with what to do about it.
  const lossNotes = useMemo(() => describeLosses({ ...view.losses, evictedCalls: 0 }), [view.losses]);

  const move = (delta: number) => {
    if (shown.length === 0) return;
    const index = selectedId === null ? -1 : shown.findIndex((r) => r.call.id === selectedId);
    const next = Math.min(shown.length - 1, Math.max(0, index < 0 ? (delta > 0 ? 0 : shown.length - 1) : index + delta));
    setSelectedId(shown[next]!.call.id);
  };

  // One listener for the panel's life; it calls the latest handler, which sees the latest state.
  const onKeyRef = useRef<(e: KeyboardEvent) => void>(() => undefined);
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKeyRef.current(e);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
  onKeyRef.current = (e: KeyboardEvent) => {
    if ((e.key === '/' && !typing(e.target)) || ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f')) {
      e.preventDefault();
      setPanelView('calls');
      filterRef.current?.focus();
      filterRef.current?.select();
      return;
    }
    if (e.key === 'Escape') {
      if (exporting) setExporting(false);
      else if (e.target === filterRef.current) filterRef.current?.blur();
      else if (detailsOpen) setDetailsOpen(false);
      return;
    }
    if (typing(e.target) || panelView !== 'calls') return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if ((e.target as HTMLElement).closest?.('[role="tablist"]')) return;
      e.preventDefault();
      move(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter' && selected) {
      e.preventDefault();
      setDetailsOpen(true);
      setTimeout(() => document.querySelector<HTMLElement>('.details [role="tab"][aria-selected="true"]')?.focus(), 0);
    }
  };

  /** A finding's evidence: the call selected in the list, with its details open; filters that hide it are cleared. */
  const selectEvidence = (callId: string) => {
    if (!shown.some((r) => r.call.id === callId)) {
      setFilterText('');
      setChips(new Set());
      setErrorsOnly(false);
    }
    setSelectedId(callId);
    setDetailsOpen(true);
    setPanelView('calls');
  };

  const send = (m: Parameters<PanelDataSource['send']>[0]) => source?.send(m);
  const toggleColumn = (key: ColumnKey) => {
    const next = new Set(hidden);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setHidden(next);
    try {
      localStorage.setItem(HIDDEN_KEY, JSON.stringify([...next]));
    } catch {
      // storage unavailable: the choice lasts for this session
    }
  };
  // What the background's exportTrace does with the recorder's copy of the same session (tokens judged at their
  // use); what the panel keeps for exactly this session is not derived again.
  const exportLive = (): TraceV2 => {
    const session = sessionOfView(view);
    const derivedForTrace = keptForExport(session, keptDerivation, keptFindings) ?? deriveForTrace(session);
    return exportTraceV2(session, { extensionVersion: env.extensionVersion, now: env.now(), browser: env.browser }, { ...derivedForTrace, tokens: withVerdicts(derivedForTrace.tokens, verdicts) });
  };
  const buildTrace = (): TraceV2 =>
    opened && !isLive
      ? opened.trace
      : exportLive();

  return (
    <div class="panel" data-theme={env.theme}>
      <Toolbar
        live={isLive}
        recording={view.recording}
        preserveLog={view.preserveLog}
        onRecord={() => tabId !== null && send({ type: 'set-recording', tabId, on: !view.recording })}
        onClear={() => tabId !== null && send({ type: 'clear', tabId })}
        onPreserveLog={(on) => tabId !== null && send({ type: 'set-preserve-log', tabId, on })}
        filterText={filterText}
        filter={filter}
        filterRef={filterRef}
        onFilter={setFilterText}
        chips={chips}
        onChip={(label) => setChips((c) => {
          const next = new Set(c);
          if (next.has(label)) next.delete(label);
          else next.add(label);
          return next;
        })}
        errorsOnly={errorsOnly}
        onErrorsOnly={setErrorsOnly}
        hidden={hidden}
        onToggleColumn={toggleColumn}
        view={panelView}
        onView={setPanelView}
        onExport={() => setExporting(true)}
        importSlot={<ImportButton compact onImported={(trace, name, notes) => { setOpened({ view: viewOfTrace(trace), trace, name, notes }); setSelectedId(null); }} />}
        onSettings={env.openSettings}
        onOpenViewer={env.openViewer}
        shown={shown.length}
        total={view.calls.length}
        findingCount={findings.length}
      />
      {opened && (
        <div class="banner" role="status" data-testid="opened-file">
          Showing <strong>{opened.name}</strong> ({opened.view.calls.length} calls{opened.trace.redaction ? ', redacted' : ', NOT redacted'}). {opened.notes.join(' ')}
          {hasLiveTab && <button type="button" class="link" onClick={() => setOpened(null)}>Back to the live tab</button>}
        </div>
      )}
      {isLive && !view.recording && <div class="banner warn" role="status">Recording paused: calls made now are not kept.</div>}
      {view.losses.evictedCalls > 0 && <div class="banner warn" role="status" data-testid="dropped">The recorder's bound was reached: the {view.losses.evictedCalls.toLocaleString()} oldest calls were dropped. Clear the log, or raise "Calls kept per tab" in Settings{env.openSettings && <> (<button type="button" class="link" onClick={env.openSettings}>open Settings</button>)</>}.</div>}
      {lossNotes.length > 0 && <div class="banner warn" role="status" data-testid="losses">Lost on the way to the recorder: {lossNotes.join('; ')}. Diagnose has the details.</div>}
      {isLive && view.storage === 'memory' && <div class="banner warn" role="status" data-testid="memory-store">The extension's storage could not be opened: this log is kept in memory only and will not survive a restart of the extension's background worker.</div>}
      {isLive && view.networkFeed === 'off' && view.calls.length > 0 && (
        <div class="banner muted" data-testid="feed-off">The network feed is off: DevTools was not open on this tab, so requests, tokens and timing phases of calls made meanwhile are not known.</div>
      )}
      {view.error && <div class="banner error" role="alert">{view.error}</div>}
      <main class="main" ref={main.ref}>
        {panelView === 'findings' && <ErrorBoundary name="Findings" resetKeys={[findings]}><FindingsView findings={findings} calls={view.calls} onSelectCall={selectEvidence} /></ErrorBoundary>}
        {panelView === 'frames' && <ErrorBoundary name="Frames" resetKeys={[view.frames]}><FramesView frames={view.frames} calls={view.calls} /></ErrorBoundary>}
        {panelView === 'compare' && <ErrorBoundary name="Compare" resetKeys={[view.calls]}><ComparePanel calls={view.calls} /></ErrorBoundary>}
        {panelView === 'decode' && <ErrorBoundary name="Decode"><PasteToDecode env={env} /></ErrorBoundary>}
        {panelView === 'diagnose' && <ErrorBoundary name="Diagnose" resetKeys={[view]}><Diagnose env={env} input={{ frames: view.frames, networkFeed: view.networkFeed, losses: view.losses, storage: view.storage, traffic: summarizeTraffic(view.network, derived.tokens) }} /></ErrorBoundary>}
        {panelView === 'calls' &&
          (shown.length === 0 ? (
            <EmptyState view={opened ? { ...view, connected: true } : view} filtered={view.calls.length > 0} onOpenSettings={env.openSettings} onDiagnose={() => setPanelView('diagnose')} />
          ) : (
            <div class={`split${detailsOpen && selected ? ' with-details' : ''}`}>
              <ErrorBoundary name="Call list" resetKeys={[shown]}>
                <CallTable rows={shown} hidden={hidden} sort={sort} onSort={(key) => setSort((s) => ({ key, descending: s.key === key ? !s.descending : false }))} selectedId={selectedId} onSelect={(id) => { setSelectedId(id); setDetailsOpen(true); }} onOpen={() => setDetailsOpen(true)} now={now} detailsOpen={detailsOpen && selected !== null && !stacked} area={main.size} />
              </ErrorBoundary>
              {detailsOpen && selected && (
                <ErrorBoundary name="Details" resetKeys={[selected.call]}>
                  <Details call={selected.call} frame={selected.frame} calls={view.calls} derived={derived} findings={findings} env={env} networkFeed={view.networkFeed} onClose={() => setDetailsOpen(false)} verdicts={verdicts} />
                </ErrorBoundary>
              )}
            </div>
          ))}
      </main>
      {exporting && <ErrorBoundary name="Export"><ExportDialog build={buildTrace} env={env} onClose={() => setExporting(false)} scope={{ shownIds: new Set(shown.map((r) => r.call.id)), filtered: shown.length < view.calls.length }} /></ErrorBoundary>}
    </div>
  );
}
