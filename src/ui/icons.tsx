/** Toolbar icons drawn as SVG (glyphs like ⏸ render as an empty box in Chromium and as an emoji in Firefox). */
const PATHS = {
  record: <circle cx="8" cy="8" r="5" fill="currentColor" />,
  pause: <path d="M4 3h3v10H4zM9 3h3v10H9z" fill="currentColor" />,
  clear: <path d="M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2zm0 1.5a4.5 4.5 0 0 1 3.6 7.2L5.3 4.4A4.5 4.5 0 0 1 8 3.5zM4.4 5.3l6.3 6.3A4.5 4.5 0 0 1 4.4 5.3z" fill="currentColor" />,
  more: <path d="M8 3.2a1.3 1.3 0 1 1 0 2.6 1.3 1.3 0 0 1 0-2.6zm0 3.5a1.3 1.3 0 1 1 0 2.6 1.3 1.3 0 0 1 0-2.6zm0 3.5a1.3 1.3 0 1 1 0 2.6 1.3 1.3 0 0 1 0-2.6z" fill="currentColor" />,
  columns: <path d="M2 3h12v10H2zm1.5 1.5v7h2.5v-7zm4 0v7h1v-7zm2.5 0v7h2.5v-7z" fill="currentColor" fill-rule="evenodd" />,
  download: <path d="M7.2 2h1.6v6.2l2.3-2.3 1.1 1.1L8 11.2 3.8 7l1.1-1.1 2.3 2.3zM3 12.5h10V14H3z" fill="currentColor" />,
  upload: <path d="M8 2l4.2 4.2-1.1 1.1-2.3-2.3V11H7.2V5L4.9 7.3 3.8 6.2zM3 12.5h10V14H3z" fill="currentColor" />,
  kinds: <path d="M2 4h12v1.5H2zm2 3.2h8v1.5H4zm2 3.3h4V12H6z" fill="currentColor" />,
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      {PATHS[name]}
    </svg>
  );
}
