/**
 * How much work goes into the next bulk request of one kind (method + type). NetBox does
 * the per-object work (validation, save, change log, search index, template components,
 * cable paths) inside the request, so the cost differs by a factor of 100 between a tag and a
 * switch with 64 interface templates, and with the server's load. Work is counted in weight
 * units (an object weighs 1, a device 1 + its type's interface templates); the budget adapts
 * so that a request takes about `targetMs`: long enough that HTTP round trips do not matter,
 * short enough to stay well inside the client timeout and gunicorn's worker timeout.
 */
export interface ChunkSizerOptions {
  readonly targetMs: number;
  readonly min: number;
  readonly max: number;
  /** First budget per kind (`POST dcim.cable`), before anything was measured. */
  readonly initial: (kind: string) => number;
  /** Most objects in one request, whatever their weight. */
  readonly maxObjects: number;
}

export const DEFAULT_CHUNKING: ChunkSizerOptions = {
  targetMs: 5000,
  min: 1,
  max: 5000,
  maxObjects: 500,
  initial: (kind) => (kind === 'POST dcim.cable' ? 20 : 40),
};

export class ChunkSizer {
  private readonly msPerObject = new Map<string, number>();

  constructor(private readonly options: ChunkSizerOptions = DEFAULT_CHUNKING) {}

  /** A sizer whose requests aim at a fraction of the client timeout at most. */
  static forTimeout(timeoutMs: number, options: Partial<ChunkSizerOptions> = {}): ChunkSizer {
    const merged = { ...DEFAULT_CHUNKING, ...options };
    return new ChunkSizer({ ...merged, targetMs: Math.min(merged.targetMs, timeoutMs / 5) });
  }

  get maxObjects(): number {
    return this.options.maxObjects;
  }

  /** The weight budget of the next request of this kind. */
  next(kind: string): number {
    const measured = this.msPerObject.get(kind);
    const size = measured === undefined ? this.options.initial(kind) : Math.floor(this.options.targetMs / Math.max(measured, 0.01));
    return Math.min(this.options.max, Math.max(this.options.min, size));
  }

  /** Records a finished request; later budgets follow an average weighted towards recent requests. */
  record(kind: string, weight: number, elapsedMs: number): void {
    if (weight <= 0) return;
    const sample = elapsedMs / weight;
    const previous = this.msPerObject.get(kind);
    this.msPerObject.set(kind, previous === undefined ? sample : previous * 0.4 + sample * 0.6);
  }
}
