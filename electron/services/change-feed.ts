// After a change commits, the Node side says what changed (Electron IPC and the browser host's event
// stream alike), so open views refresh just the figures they show.
import type { Change, ChangeEvent } from '../../shared/contract';

export type ChangeListener = (event: ChangeEvent) => void;

export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();
  /** The number of the last change told of (ChangeEvent.seq). */
  private last = Date.now();

  /** The number of the last change told of: a read begun now holds every change up to it. */
  get lastSeq(): number {
    return this.last;
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(change: Change): ChangeEvent {
    const event: ChangeEvent = { ...change, seq: (this.last += 1) };
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        // A listener that fails (a closed window) must not undo or hide a committed change.
        console.error('通知界面刷新时出错：', error);
      }
    }
    return event;
  }
}
