/**
 * How many objects go into the next bulk request of one kind (type + method). NetBox does
 * the per-object work (validation, save, change log, search index, template components,
 * cable paths) inside the request, so the cost per object differs by a factor of 100 between
 * a tag and a switch with 64 interface templates, and with the server's load. The size adapts
 * so that a request takes about `targetMs`: long enough that HTTP round trips do not matter,
 * short enough to stay well inside the client timeout and gunicorn's worker timeout.
 */
export interface ChunkSizerOptions {
  readonly targetMs: number;
  readonly min: number;
  readonly max: number;
  /** First size per kind (`POST dcim.device`), before anything was measured. */
  readonly initial: (kind: string) => number;
}

export const DEFAULT_CHUNKING: ChunkSizerOptions = {
  targetMs: 6000,
  min: 5,
  max: 500,
  initial: (kind) => (kind === 'POST dcim.device' ? 20 : kind === 'POST dcim.cable' ? 50 : 100),
};

export class ChunkSizer {
  private readonly msPerObject = new Map<string, number>();

  constructor(private readonly options: ChunkSizerOptions = DEFAULT_CHUNKING) {}

  next(kind: string): number {
    const measured = this.msPerObject.get(kind);
    const size = measured === undefined ? this.options.initial(kind) : Math.floor(this.options.targetMs / Math.max(measured, 0.01));
    return Math.min(this.options.max, Math.max(this.options.min, size));
  }

  /** Records a finished request; later sizes follow an average weighted towards recent requests. */
  record(kind: string, objects: number, elapsedMs: number): void {
    if (objects <= 0) return;
    const sample = elapsedMs / objects;
    const previous = this.msPerObject.get(kind);
    this.msPerObject.set(kind, previous === undefined ? sample : previous * 0.4 + sample * 0.6);
  }
}
