import type { ComponentChildren } from 'preact';

export type SettingMessage = { error: boolean; text: string } | null;

interface SettingFormProps {
  label: string;
  value: string;
  onInput(value: string): void;
  onSubmit(event: Event): void;
  button: string;
  placeholder?: string;
  /** Id of the message line the input is described by. */
  messageId: string;
  message: SettingMessage;
  size?: number;
  testId?: string;
  inputMode?: 'numeric';
}

/** One labelled input with its button, and the line that says what the last submit did. */
export function SettingForm(p: SettingFormProps) {
  return (
    <>
      <form onSubmit={p.onSubmit}>
        <label>
          {p.label}{' '}
          <input value={p.value} onInput={(e) => p.onInput((e.target as HTMLInputElement).value)} placeholder={p.placeholder} aria-describedby={p.messageId} size={p.size} inputMode={p.inputMode} data-testid={p.testId} />
        </label>{' '}
        <button type="submit">{p.button}</button>
      </form>
      {p.message && <p id={p.messageId} role={p.message.error ? 'alert' : 'status'} class={p.message.error ? 'error' : ''}>{p.message.text}</p>}
    </>
  );
}

/** The entries a user added, each with its Remove button, or a line saying there are none. */
export function RemovableList(p: { label: string; items: string[]; onRemove(item: string): void; empty: ComponentChildren }) {
  if (p.items.length === 0) return <p>{p.empty}</p>;
  return (
    <ul aria-label={p.label}>
      {p.items.map((item) => (
        <li key={item}><code>{item}</code> <button type="button" onClick={() => p.onRemove(item)}>Remove</button></li>
      ))}
    </ul>
  );
}
