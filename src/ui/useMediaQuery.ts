import { useEffect, useMemo, useState } from 'preact/hooks';

/**
 * Below this width the details open under the list instead of beside it (panel.css says the same in its
 * `@media (max-width: 800px)`): a docked DevTools of 600 px beside details would leave the list 240 px, too
 * little for Summary and Status.
 */
export const STACKED_DETAILS_QUERY = '(max-width: 800px)';

/** Whether the media query matches now, kept up to date as the window (a docked DevTools) is resized. */
export function useMediaQuery(query: string): boolean {
  // One MediaQueryList per query, not one per render (the panel renders on every streamed update).
  const list = useMemo(() => (typeof matchMedia === 'function' ? matchMedia(query) : null), [query]);
  const [matches, setMatches] = useState(list?.matches ?? false);
  useEffect(() => {
    if (!list) return;
    const update = () => setMatches(list.matches);
    update();
    list.addEventListener('change', update);
    return () => list.removeEventListener('change', update);
  }, [list]);
  return matches;
}
