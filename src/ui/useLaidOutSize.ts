import { useEffect, useRef } from 'preact/hooks';

export interface Size {
  width: number;
  height: number;
}

/**
 * An element's content size as the browser last laid it out, from a ResizeObserver (which forces no layout),
 * kept in a ref: it changes no render. For a child that mounts later and would otherwise measure after drawing.
 */
export function useLaidOutSize<T extends Element>() {
  const ref = useRef<T>(null);
  const size = useRef<Size | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) size.current = { width: entry.contentRect.width, height: entry.contentRect.height };
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, size };
}
