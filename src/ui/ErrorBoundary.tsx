import { Component, type ComponentChildren } from 'preact';
import { copyText } from './clipboard';

interface Props {
  /** What the boundary holds, named in the message ("Details", "Findings"). */
  name: string;
  children: ComponentChildren;
  /** Values that, when they change, give the view another try (the call shown, the session). */
  resetKeys?: readonly unknown[];
}

interface State {
  error: Error | null;
  keys: readonly unknown[] | undefined;
}

const describe = (error: Error) => `${error.name}: ${error.message}\n${error.stack ?? '(no stack)'}`;

/** A thrown non-Error (a string, an object) as an Error, without touching getters that could throw again. */
function asError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  let text: string;
  try {
    text = String(thrown);
  } catch {
    text = Object.prototype.toString.call(thrown);
  }
  return new Error(`non-Error thrown: ${text.slice(0, 500)}`);
}

/**
 * One view of the panel behind a wall: when it throws while rendering, it shows the error (message, stack,
 * a Copy action) in its place and the rest of the panel keeps working. It tries again when a reset key changes.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, keys: this.props.resetKeys };

  static override getDerivedStateFromError(thrown: unknown): Partial<State> {
    return { error: asError(thrown) };
  }

  static override getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    const a = props.resetKeys ?? [];
    const b = state.keys ?? [];
    const changed = a.length !== b.length || a.some((k, i) => k !== b[i]);
    return changed ? { keys: props.resetKeys, error: null } : null;
  }

  override componentDidCatch(thrown: unknown) {
    // Also in the console, where a developer looks for a stack first.
    console.error(`[Forge Bridge DevTools] ${this.props.name} failed:`, thrown);
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const text = describe(error);
    return (
      <div class="view-error" role="alert" data-testid="view-error" data-view={this.props.name}>
        <strong>{this.props.name} could not be shown: {error.message.slice(0, 300)}</strong>
        <p class="muted">The rest of the panel still works. Please report this with the details below.</p>
        <pre>{text.slice(0, 4000)}</pre>
        <button type="button" onClick={() => void copyText(text)}>Copy error</button>{' '}
        <button type="button" onClick={() => this.setState({ error: null })}>Try again</button>
      </div>
    );
  }
}
