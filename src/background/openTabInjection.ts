/** What the injector's probe says of one document of a tab: whether the manifest's relay already runs there. */
export interface DocumentProbe {
  frameId: number;
  /** The document the probe ran in (Chrome's InjectionResult.documentId; Firefox gives none). */
  documentId?: string;
  /** True when the relay's mark was found: the manifest's content scripts reached this document. */
  result?: unknown;
}

/** Where to inject: one document, by its id where the browser gives one, else its frame. */
export type InjectionTarget = { tabId: number; documentIds: string[] } | { tabId: number; frameIds: number[] };

/**
 * The documents of a tab to give the hook and relay: those the probe found without the relay, each as its own
 * target. A document is named by its id, not its frame: a frame that navigates between the probe and the injection
 * (a tab still loading as the extension installs) has a new document that the manifest's scripts reached, and
 * injecting by frame id put a second hook there, whose window listener then read every bridge message of the
 * document (src/capture/startHook.ts now bounds that too). An injection by document id fails for a document that is gone.
 * Without document ids (Firefox), frames are the best there is.
 */
export function injectionTargets(tabId: number, probes: readonly DocumentProbe[]): InjectionTarget[] {
  const targets: InjectionTarget[] = [];
  for (const probe of probes) {
    if (probe.result === true) continue;
    targets.push(typeof probe.documentId === 'string' && probe.documentId !== '' ? { tabId, documentIds: [probe.documentId] } : { tabId, frameIds: [probe.frameId] });
  }
  return targets;
}
