import { computed, signal } from '@angular/core';

/** One page of a connection as the API returns it (`nodes` + `pageInfo`). */
export interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** Asks the API for the page after `after` (`null`: the first page). */
export type PageFetcher<T> = (after: string | null) => Promise<Page<T>>;

/** How a new list's first page went; `stale` when a newer list was started meanwhile. */
export type ReloadOutcome = 'done' | 'failed' | 'stale';

/**
 * A list read a page at a time under a "load more" button: the rows so far, which page is on its
 * way or failed and why, and a Retry that asks again for the page that failed. Each `reload`
 * starts a new list, and answers to the requests of an older one are dropped, so a slow answer
 * for a previous choice (another filter, another agent or period) never lands in the current list.
 */
export class PagedList<T> {
  readonly nodes = signal<readonly T[]>([]);
  readonly hasNextPage = signal(false);
  /** The page on its way: the first one of a new list, the next one, or none. */
  private readonly pending = signal<'first' | 'next' | null>('first');
  readonly loading = computed(() => this.pending() !== null);
  readonly loadingMore = computed(() => this.pending() === 'next');
  /** The page that failed last, with the error it failed with. */
  readonly failure = signal<{ page: 'first' | 'next'; error: unknown } | null>(null);
  private fetchPage: PageFetcher<T> | null = null;
  private endCursor: string | null = null;
  private generation = 0;

  /**
   * Starts the list again from its first page, read with `fetchPage` from now on. With `keepRows`
   * the rows of the previous list stay on screen until the new ones arrive.
   */
  reload(fetchPage: PageFetcher<T>, options: { keepRows?: boolean } = {}): Promise<ReloadOutcome> {
    this.fetchPage = fetchPage;
    this.generation++;
    if (!options.keepRows) this.empty();
    return this.fetch(null);
  }

  /** An empty list with nothing on its way; answers still expected are dropped. */
  clear(): void {
    this.generation++;
    this.fetchPage = null;
    this.empty();
    this.pending.set(null);
    this.failure.set(null);
  }

  async more(): Promise<void> {
    if (this.endCursor) await this.fetch(this.endCursor);
  }

  /** Asks again for the page that failed: the first one, or the next one after the rows shown. */
  async retry(): Promise<void> {
    await this.fetch(this.nodes().length ? this.endCursor : null);
  }

  private empty(): void {
    this.nodes.set([]);
    this.endCursor = null;
    this.hasNextPage.set(false);
  }

  private async fetch(after: string | null): Promise<ReloadOutcome> {
    const fetchPage = this.fetchPage;
    if (!fetchPage) return 'stale';
    const generation = this.generation;
    const page = after ? 'next' : 'first';
    this.pending.set(page);
    this.failure.set(null);
    try {
      const answer = await fetchPage(after);
      if (generation !== this.generation) return 'stale';
      this.nodes.update((nodes) => (after ? [...nodes, ...answer.nodes] : answer.nodes));
      this.endCursor = answer.pageInfo.endCursor ?? null;
      this.hasNextPage.set(answer.pageInfo.hasNextPage);
      this.pending.set(null);
      return 'done';
    } catch (error) {
      if (generation !== this.generation) return 'stale';
      this.pending.set(null);
      this.failure.set({ page, error });
      return 'failed';
    }
  }
}
