import { ChangeSet, splitChanges, type SessionStore, type StoreChanges } from './persistence';

export interface SaveSchedulerOptions {
  /** Least time between the starts of two saves (changes made meanwhile go together). */
  spacingMs: number;
  /** Told of every failed save or open (a failing handler changes nothing). */
  onError: (error: unknown) => void;
  /** The store is full: free space (evict), so that a retry can succeed. */
  onQuota: () => void;
  /** Told just before a save takes the changes. */
  onSave?: () => void;
}

/** True for the error a store gives when the browser's storage quota is used up. */
export function isQuotaError(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'QuotaExceededError';
}

/**
 * Saves the change set to the store, one save at a time: changes made while one runs (or within the
 * spacing) go together in the next, in one transaction. A failed save is counted and its changes go with
 * the next; after a quota error the scheduler has space freed and retries at once, deletes and puts in
 * separate transactions. Without a store (it could not be opened) every save succeeds at once.
 */
export class SaveScheduler {
  readonly changes = new ChangeSet();
  /** Saves (and opens) that failed since the recorder started. */
  failures = 0;
  private saving: Promise<boolean> = Promise.resolve(true);
  private writing = false;
  private next: Promise<boolean> | null = null;

  constructor(
    private readonly store: SessionStore | null,
    private readonly options: SaveSchedulerOptions,
  ) {}

  get persistent(): boolean {
    return this.store !== null;
  }

  /** Resolves true once everything changed so far is saved, false if its save failed. Never rejects. */
  persist(): Promise<boolean> {
    if (!this.store) {
      this.changes.discard();
      return Promise.resolve(true);
    }
    if (this.next) return this.next;
    const spacing = this.options.spacingMs;
    const next = this.saving.then(() => (spacing > 0 ? new Promise<void>((r) => setTimeout(r, spacing)) : undefined)).then(() => this.save());
    this.next = next;
    this.saving = next;
    return next;
  }

  failed(error: unknown): void {
    this.failures++;
    try {
      this.options.onError(error);
    } catch {
      // a failing error handler changes nothing
    }
  }

  /** True while changes wait for a save or one is being written (a bench waits for this to end). */
  get busy(): boolean {
    return this.next !== null || this.writing || (this.store !== null && !this.changes.isEmpty);
  }

  private async save(): Promise<boolean> {
    this.next = null;
    if (this.changes.isEmpty) return true;
    this.writing = true;
    try {
      this.options.onSave?.();
      return await this.write(this.changes.take(!this.store!.clonesOnSave));
    } finally {
      this.writing = false;
    }
  }

  /** Writes `changes`; on failure they go back into the change set (under anything newer). */
  private async write(changes: StoreChanges): Promise<boolean> {
    const failure = await this.attempt(changes);
    if (!failure) return true;
    if (!isQuotaError(failure.error)) return false;
    try {
      this.options.onQuota();
    } catch {
      // nothing freed: the retry may fail again and is counted
    }
    // Deletes first, in a transaction of their own, so that a full disk still frees space.
    const [frees, takes] = splitChanges(this.changes.take(!this.store!.clonesOnSave));
    if (await this.attempt(frees, { tabs: [...frees.tabs, ...takes.tabs] })) return false;
    return !(await this.attempt(takes));
  }

  /** One save; when it fails, `restore` goes back into the change set, the failure is counted, and returned. */
  private async attempt(changes: StoreChanges, restore: StoreChanges = changes): Promise<{ error: unknown } | null> {
    try {
      await this.store!.save(changes);
      return null;
    } catch (error) {
      this.changes.restoreFailed(restore);
      this.failed(error);
      return { error };
    }
  }
}
