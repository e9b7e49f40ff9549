import type { Page } from 'puppeteer-core';

/**
 * Gives the page `window.__nextMutation(element)`: a promise that resolves at the next change of anything
 * under the element (the end of a render). Sent as source text: tsx would wrap a function it compiled in
 * __name() calls the page does not have.
 */
export function installNextMutation(page: Page): Promise<unknown> {
  return page.evaluate(`window.__nextMutation = (element) => new Promise((resolve) => {
    const observer = new MutationObserver(() => { observer.disconnect(); resolve(); });
    observer.observe(element, { childList: true, subtree: true, characterData: true, attributes: true });
  })`);
}

/** The page's view of it, for code inside page.evaluate. */
export type WithNextMutation = { __nextMutation(element: Element): Promise<void> };
