import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { LIMITS } from '../../src/protocol/limits';
import { MAX_CALLS_KEY, parseMaxCalls, readMaxCalls } from '../../src/settings/maxCalls';

/** "Calls kept per tab": the recorder's bound; beyond it the oldest calls are dropped and counted. */
export function MaxCalls() {
  const [input, setInput] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  useEffect(() => {
    void browser.storage.local.get(MAX_CALLS_KEY).then((got) => setInput(String(readMaxCalls(got[MAX_CALLS_KEY]))));
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    const result = parseMaxCalls(input);
    if (!result.ok) return setMessage({ error: true, text: result.reason });
    await browser.storage.local.set({ [MAX_CALLS_KEY]: result.value });
    setInput(String(result.value));
    setMessage({ error: false, text: `Saved: each tab keeps its ${result.value.toLocaleString()} most recent calls. Lowering it drops the oldest calls at once.` });
  };

  return (
    <section aria-labelledby="max-calls-heading">
      <h2 id="max-calls-heading">Calls kept per tab</h2>
      <p>Beyond this many calls in one tab, the oldest are dropped and the panel says how many. The default is {LIMITS.defaultMaxCallsPerTab.toLocaleString()}; memory per tab stays bounded by size as well.</p>
      <form onSubmit={save}>
        <label>
          Calls per tab{' '}
          <input value={input} inputMode="numeric" onInput={(e) => setInput((e.target as HTMLInputElement).value)} aria-describedby="max-calls-message" data-testid="max-calls" />
        </label>{' '}
        <button type="submit">Save</button>
      </form>
      {message && <p id="max-calls-message" role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : ''}>{message.text}</p>}
    </section>
  );
}
