import { useState } from 'preact/hooks';
import { isDescription, type SnapshotValue } from '../protocol';
import { copyText } from './clipboard';

function containsText(value: unknown, needle: string): boolean {
  if (!needle) return false;
  if (value === null || typeof value !== 'object') return String(value).toLowerCase().includes(needle);
  return Object.entries(value).some(([k, v]) => k.toLowerCase().includes(needle) || containsText(v, needle));
}

function Leaf({ value, needle }: { value: SnapshotValue; needle: string }) {
  if (isDescription(value)) {
    return <span class="json-desc" title="Described, not copied: the hook keeps values JSON cannot hold as descriptions">‹{String(value.$fbdt)}{value.text ? ` ${String(value.text)}` : ''}›</span>;
  }
  const text = JSON.stringify(value);
  const hit = needle && text.toLowerCase().includes(needle);
  return <span class={`json-${value === null ? 'null' : typeof value}${hit ? ' hit' : ''}`}>{text}</span>;
}

function Node({ name, value, depth, needle }: { name: string | null; value: SnapshotValue; depth: number; needle: string }) {
  const branch = value !== null && typeof value === 'object' && !isDescription(value);
  const [open, setOpen] = useState(depth < 2);
  const label = name === null ? null : <span class={`json-key${needle && name.toLowerCase().includes(needle) ? ' hit' : ''}`}>{name}: </span>;
  if (!branch) return <li role="treeitem">{label}<Leaf value={value} needle={needle} /></li>;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, SnapshotValue>);
  const expanded = open || (needle !== '' && containsText(value, needle));
  return (
    <li role="treeitem" aria-expanded={expanded}>
      <button type="button" class="fold" onClick={() => setOpen(!expanded)} aria-label={expanded ? 'Fold' : 'Unfold'}>{expanded ? '▾' : '▸'}</button>
      {label}
      <span class="json-summary">{Array.isArray(value) ? `Array(${entries.length})` : `{${entries.length}}`}</span>
      {expanded && (
        <ul role="group">
          {entries.map(([k, v]) => <Node key={k} name={k} value={v} depth={depth + 1} needle={needle} />)}
        </ul>
      )}
    </li>
  );
}

/** A JSON value as a tree that folds, with a search box and a copy button. */
export function JsonTree({ value, label }: { value: SnapshotValue; label: string }) {
  const [search, setSearch] = useState('');
  const [copied, setCopied] = useState(false);
  return (
    <div class="json">
      <div class="json-tools">
        <input type="search" placeholder={`Search ${label.toLowerCase()}`} aria-label={`Search ${label.toLowerCase()}`} value={search} onInput={(e) => setSearch((e.target as HTMLInputElement).value)} />
        <button type="button" onClick={() => void copyText(JSON.stringify(value, null, 2)).then(setCopied)}>{copied ? 'Copied' : 'Copy JSON'}</button>
      </div>
      <ul class="json-tree" role="tree" aria-label={label}>
        <Node name={null} value={value} depth={0} needle={search.trim().toLowerCase()} />
      </ul>
    </div>
  );
}
