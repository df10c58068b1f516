import type { BoardDelta, BoardSnapshot, MetricDef, RepRow, TeamTotals } from './types';

/** What became of one delta. */
export type DeltaOutcome =
  /** Applied: the board moved to the delta's version. */
  | 'applied'
  /** Older than (or equal to) what the board already shows: ignored. */
  | 'stale'
  /** Some versions were missed: the board asks for a fresh snapshot. */
  | 'gap'
  /** No snapshot yet: ignored, the snapshot that is on its way supersedes it. */
  | 'noBoard'
  /** A delta of another team: ignored. */
  | 'otherTeam';

/** How long a resync request may stay unanswered before another one may be sent. */
export const RESYNC_TIMEOUT_MS = 10_000;

/** Deltas kept while waiting for a snapshot (a delta can overtake the snapshot it follows). */
export const MAX_BUFFERED_DELTAS = 50;

/**
 * The board one screen shows, kept in step with the hub: a snapshot replaces everything,
 * a delta applies only on top of the version it was computed from. No DOM in here.
 *
 * Memory stays bounded: rows live in one map keyed by repId, replaced by each snapshot,
 * so reps that leave the team disappear at the next snapshot (or at once with `removedRepIds`).
 *
 * The reference for the version rule is the C# client, `LiveBoardClient` in
 * src/SalesCoach.Live.Abstractions/Boards (used by the Blazor views and the load generator);
 * this is the browser's copy. It differs on purpose in one point: a TV buffers a few deltas that
 * overtake their snapshot and replays them after it, where the C# client ignores them.
 */
export class BoardStore {
  private readonly rowsById = new Map<string, RepRow>();
  private ordered: RepRow[] = [];
  private meta: Omit<BoardSnapshot, 'reps'> | null = null;
  private resyncRequestedAt: number | null = null;
  /** Deltas that arrived before the snapshot they build on; replayed after it, bounded. */
  private readonly early: BoardDelta[] = [];

  /**
   * @param teamId the team this screen shows; anything of other teams is ignored.
   * @param requestResync called on a version gap; it should call `SubscribeTeam` again.
   * @param now clock, for the resync time-out.
   */
  constructor(
    readonly teamId: string,
    private readonly requestResync: () => void,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The version shown, or null before the first snapshot. */
  get version(): number | null {
    return this.meta?.version ?? null;
  }

  get hasBoard(): boolean {
    return this.meta !== null;
  }

  get teamName(): string {
    return this.meta?.teamName || this.teamId;
  }

  get asOf(): string | undefined {
    return this.meta?.asOf;
  }

  get team(): TeamTotals {
    return this.meta?.team ?? { metrics: {} };
  }

  /** Rows in the server's rank order (ties, which the server avoids, by name). */
  get rows(): readonly RepRow[] {
    return this.ordered;
  }

  /**
   * The metric definitions; when the server sends none, one per metric key seen on the board,
   * named by its key.
   */
  get metricDefs(): readonly MetricDef[] {
    const defs = this.meta?.metricDefs;
    if (defs && defs.length > 0) return defs;
    const keys = new Set<string>();
    for (const key of Object.keys(this.team.metrics)) keys.add(key);
    for (const row of this.ordered) for (const key of Object.keys(row.metrics)) keys.add(key);
    return [...keys].map((key) => ({ key, name: key }));
  }

  /** True while a resync was asked for and its snapshot has not come yet. */
  get resyncPending(): boolean {
    return this.resyncRequestedAt !== null && this.now() - this.resyncRequestedAt < RESYNC_TIMEOUT_MS;
  }

  /**
   * Replaces the whole board (whatever its version: after a server restart versions may start over),
   * then replays the deltas that arrived ahead of it and follow on from it.
   */
  applySnapshot(snapshot: BoardSnapshot): boolean {
    if (snapshot.teamId !== this.teamId) return false;
    const { reps, ...meta } = snapshot;
    this.meta = { ...meta, team: meta.team ?? { metrics: {} } };
    this.rowsById.clear();
    for (const row of reps ?? []) this.rowsById.set(row.repId, normaliseRow(row));
    this.reorder();
    this.resyncRequestedAt = null;
    const early = this.early.splice(0).sort((a, b) => a.version - b.version);
    for (const delta of early) {
      if (delta.version > this.meta.version) this.applyDelta(delta);
    }
    return true;
  }

  /** Applies a delta if it follows the shown version; asks for a snapshot on a gap. */
  applyDelta(delta: BoardDelta): DeltaOutcome {
    if (delta.teamId !== this.teamId) return 'otherTeam';
    if (this.meta === null) {
      this.keepEarly(delta);
      return 'noBoard';
    }
    const current = this.meta.version;
    if (delta.version <= current) return 'stale';
    if (delta.fromVersion !== current) {
      this.keepEarly(delta);
      this.resync();
      return 'gap';
    }
    for (const row of delta.reps ?? []) this.rowsById.set(row.repId, normaliseRow(row));
    for (const repId of delta.removedRepIds ?? []) this.rowsById.delete(repId);
    this.meta.version = delta.version;
    if (delta.asOf !== undefined) this.meta.asOf = delta.asOf;
    if (delta.team !== undefined) this.meta.team = delta.team;
    this.reorder();
    return 'applied';
  }

  /** Asks for a fresh snapshot, at most once while an earlier request is still unanswered. */
  private resync(): void {
    if (this.resyncPending) return;
    this.resyncRequestedAt = this.now();
    this.requestResync();
  }

  private keepEarly(delta: BoardDelta): void {
    this.early.push(delta);
    if (this.early.length > MAX_BUFFERED_DELTAS) this.early.shift();
  }

  private reorder(): void {
    this.ordered = [...this.rowsById.values()].sort(
      (a, b) => a.rank - b.rank || a.name.localeCompare(b.name) || a.repId.localeCompare(b.repId),
    );
  }
}

function normaliseRow(row: RepRow): RepRow {
  return {
    ...row,
    name: row.name ?? row.repId,
    rank: Number.isFinite(row.rank) ? row.rank : Number.MAX_SAFE_INTEGER,
    score: row.score ?? 0,
    metrics: row.metrics ?? {},
  };
}
