import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { toMatchPattern } from '../../src/settings/originPattern';
import { RemovableList, SettingForm, type SettingMessage } from './settingForm';

/** Origins beyond the manifest's where Forge frames are recorded (optional host permissions the user grants). */
export function CustomOrigins() {
  const fixed = browser.runtime.getManifest().host_permissions ?? [];
  const [granted, setGranted] = useState<string[]>([]);
  const [input, setInput] = useState('');
  const [message, setMessage] = useState<SettingMessage>(null);

  const refresh = async () => {
    const { origins = [] } = await browser.permissions.getAll();
    setGranted(origins.filter((o) => !fixed.includes(o)));
  };
  useEffect(() => void refresh(), []);

  const add = async (event: Event) => {
    event.preventDefault();
    const result = toMatchPattern(input);
    if (!result.ok) return setMessage({ error: true, text: result.reason });
    // Must run in the click's user gesture: the browser asks the user right here.
    const ok = await browser.permissions.request({ origins: [result.pattern] });
    setMessage(ok ? { error: false, text: `Added ${result.pattern}. Reload the app's page to record it.` } : { error: true, text: `Permission for ${result.pattern} was not granted.` });
    if (ok) setInput('');
    await refresh();
  };

  const remove = async (origin: string) => {
    await browser.permissions.remove({ origins: [origin] });
    setMessage({ error: false, text: `Removed ${origin}.` });
    await refresh();
  };

  return (
    <section aria-labelledby="origins-heading">
      <h2 id="origins-heading">Origins</h2>
      <p>Forge frames are recorded on these origins out of the box:</p>
      <ul>{fixed.map((o) => <li key={o}><code>{o}</code></li>)}</ul>
      <p>Add the origin your app's frames come from when it is not one of them (a custom tunnel host, for example).</p>
      <SettingForm label="Origin" value={input} onInput={setInput} onSubmit={add} button="Add" placeholder="https://my-tunnel.example.com" messageId="origin-message" message={message} />
      <RemovableList label="Added origins" items={granted} onRemove={(o) => void remove(o)} empty="No origin added yet." />
    </section>
  );
}
