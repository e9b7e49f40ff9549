import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { toMatchPattern } from '../../src/settings/originPattern';
import '../../src/ui/panel.css';
import { MaxCalls } from './maxCalls';
import { SafeHeaders } from './safeHeaders';
import { TrustedJwks } from './trustedJwks';

function Settings() {
  return (
    <main class="empty settings" data-theme={matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'}>
      <h1>Forge Bridge DevTools settings</h1>
      <CustomOrigins />
      <TrustedJwks />
      <MaxCalls />
      <SafeHeaders />
    </main>
  );
}

function CustomOrigins() {
  const fixed = browser.runtime.getManifest().host_permissions ?? [];
  const [granted, setGranted] = useState<string[]>([]);
  const [input, setInput] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

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
      <form onSubmit={add}>
        <label>
          Origin{' '}
          <input value={input} onInput={(e) => setInput((e.target as HTMLInputElement).value)} placeholder="https://my-tunnel.example.com" aria-describedby="origin-message" />
        </label>{' '}
        <button type="submit">Add</button>
      </form>
      {message && <p id="origin-message" role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : ''}>{message.text}</p>}
      {granted.length > 0 ? (
        <ul aria-label="Added origins">
          {granted.map((o) => (
            <li key={o}><code>{o}</code> <button type="button" onClick={() => void remove(o)}>Remove</button></li>
          ))}
        </ul>
      ) : (
        <p>No origin added yet.</p>
      )}
    </section>
  );
}

render(<Settings />, document.getElementById('app')!);
