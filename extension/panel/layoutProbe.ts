/**
 * Test builds only: the panel inside Firefox's own DevTools answers questions about its layout over a
 * BroadcastChannel, because no automation can reach a DevTools panel's document there (WebDriver BiDi lists only
 * tabs' browsing contexts; `extension.getViews()` leaves DevTools panels out). The harness tab, an extension page of
 * the same origin that a test can evaluate, asks (harness.ts `panelLayout`); the test asserts on the answer.
 */
export const PROBE_CHANNEL = 'fbdt-test-layout-probe';

export type ProbeAction = { action: 'facts' | 'close-details' } | { action: 'open-failed'; status: string };
export type ProbeRequest = ProbeAction & { id: number };

export interface LayoutFacts {
  width: number;
  theme: string | null;
  /** Relative luminance of the panel's background, 0 (black) to 255 (white). */
  luminance: number;
  toolbar: { items: number; rows: number; overflows: boolean };
  headers: { text: string; width: number; right: number }[];
  statuses: { text: string; failed: boolean; colour: string; background: string }[];
  /** With details open: the list's and the details' boxes, and the split they share. */
  details: { list: Box; details: Box; split: Box } | null;
}
interface Box { top: number; bottom: number; left: number; right: number; height: number; width: number }

function box(selector: string): Box {
  const r = document.querySelector(selector)!.getBoundingClientRect();
  return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height, width: r.width };
}

export function layoutFacts(): LayoutFacts {
  const root = document.querySelector('.panel')!;
  const [r = 0, g = 0, b = 0] = (getComputedStyle(root).backgroundColor.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  const bar = document.querySelector('[role="toolbar"][aria-label="Forge Bridge"]')!;
  const centres = [...bar.children].filter((c) => (c as HTMLElement).offsetParent !== null).map((c) => Math.round(c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2));
  const rows = [...document.querySelectorAll<HTMLElement>('[role="row"][data-call-id]')];
  return {
    width: window.innerWidth,
    theme: root.getAttribute('data-theme'),
    luminance: 0.2126 * r + 0.7152 * g + 0.0722 * b,
    toolbar: { items: centres.length, rows: new Set(centres).size, overflows: bar.scrollWidth > bar.clientWidth + 1 },
    headers: [...document.querySelectorAll('[role="columnheader"]')].map((h) => ({ text: (h.textContent ?? '').replace(/[▲▼]/g, '').trim(), width: h.getBoundingClientRect().width, right: h.getBoundingClientRect().right })),
    statuses: rows.map((row) => ({ text: row.querySelector('.col-status')?.textContent ?? '', failed: row.dataset['outcome'] === 'failed', colour: getComputedStyle(row).color, background: getComputedStyle(row).backgroundColor })),
    details: document.querySelector('.details') ? { list: box('.grid-outer'), details: box('.details'), split: box('.split') } : null,
  };
}

function act(request: ProbeRequest): LayoutFacts {
  if (request.action === 'open-failed') {
    const row = [...document.querySelectorAll<HTMLElement>('[role="row"][data-outcome="failed"]')].find((r) => r.querySelector('.col-status')?.textContent === request.status);
    row?.click();
  } else if (request.action === 'close-details') {
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  }
  return layoutFacts();
}

/** Answers the harness: after an action, the facts once the panel has drawn it (two frames later). */
export function installLayoutProbe(): void {
  const channel = new BroadcastChannel(PROBE_CHANNEL);
  channel.onmessage = (event: MessageEvent<ProbeRequest>) => {
    const request = event.data;
    if (request.action !== 'facts') act(request);
    requestAnimationFrame(() => requestAnimationFrame(() => channel.postMessage({ id: request.id, facts: layoutFacts() })));
  };
}
