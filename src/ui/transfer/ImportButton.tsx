import { useEffect, useRef, useState } from 'preact/hooks';
import type { TraceV2 } from '../../protocol';
import { importSizeError, importTraceBytes } from '../../trace';
import { Icon } from '../icons';

/** Reads a dropped or picked file as a trace; the size is checked before the file is read. */
export async function readTraceFile(file: File): Promise<{ ok: true; trace: TraceV2; notes: string[] } | { ok: false; error: string }> {
  const tooLarge = importSizeError(file.size);
  if (tooLarge) return { ok: false, error: tooLarge };
  const result = importTraceBytes(await file.arrayBuffer());
  return result.ok ? { ok: true, trace: result.trace, notes: result.notes } : result;
}

/** Drop a file anywhere on the page. */
export function useFileDrop(onFile: (file: File) => void): boolean {
  const [over, setOver] = useState(false);
  const handler = useRef(onFile);
  handler.current = onFile;
  useEffect(() => {
    const enter = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) {
        e.preventDefault();
        setOver(true);
      }
    };
    const leave = () => setOver(false);
    const drop = (e: DragEvent) => {
      e.preventDefault();
      setOver(false);
      const file = e.dataTransfer?.files[0];
      if (file) handler.current(file);
    };
    window.addEventListener('dragover', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return over;
}

/** A file picker for traces and HAR files. Errors are shown here; what is open stays as it was. */
export function ImportButton({ onImported, label = 'Import', compact = false }: { onImported: (trace: TraceV2, fileName: string, notes: string[]) => void; label?: string; /** An icon, with the label only where the toolbar is wide. */ compact?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const open = async (file: File) => {
    setError(null);
    const result = await readTraceFile(file);
    if (result.ok) onImported(result.trace, file.name, result.notes);
    else setError(`${file.name}: ${result.error}`);
  };
  return (
    <>
      <button type="button" onClick={() => input.current?.click()} title="Open a trace or a HAR file" aria-label={compact ? label : undefined}>
        {compact ? (<><Icon name="upload" /><span class="wide-only"> {label}</span></>) : label}
      </button>
      <input ref={input} type="file" accept=".json,.har,application/json" hidden data-testid="import-file" onChange={(e) => {
        const file = (e.target as HTMLInputElement).files?.[0];
        (e.target as HTMLInputElement).value = '';
        if (file) void open(file);
      }} />
      {error && <span class="error" role="alert" data-testid="import-error">{error}</span>}
    </>
  );
}
