import { useEffect, useState } from 'preact/hooks';
import { copyText } from './clipboard';
import { diagnoseText, type DiagnoseInput } from './diagnoseText';
import type { PanelEnvironment } from './panelEnvironment';

/** "Diagnose this page": what the extension saw, with a button to copy it into an issue. */
export function Diagnose({ env, input }: { env: PanelEnvironment; input: Omit<DiagnoseInput, 'pageFrameUrls' | 'coveredOrigins' | 'extensionVersion' | 'browser'> }) {
  const [extra, setExtra] = useState<{ pageFrameUrls: string[] | null; coveredOrigins: string[] }>({ pageFrameUrls: null, coveredOrigins: [] });
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    void Promise.all([env.listPageFrameUrls?.().catch(() => null) ?? Promise.resolve(null), env.coveredOrigins().catch(() => [])]).then(([pageFrameUrls, coveredOrigins]) =>
      setExtra({ pageFrameUrls, coveredOrigins }),
    );
  }, []);
  const text = diagnoseText({ ...input, ...extra, extensionVersion: env.extensionVersion, browser: env.browser });
  return (
    <div class="diagnose">
      <p>
        What the extension saw on this page. When the panel shows nothing on your site, paste this into an issue.{' '}
        <button type="button" onClick={() => void copyText(text).then(setCopied)}>{copied ? 'Copied' : 'Copy as text'}</button>
      </p>
      <pre data-testid="diagnose-text">{text}</pre>
    </div>
  );
}
