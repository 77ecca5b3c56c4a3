/**
 * Read-only maps for catalogs. The built-in catalog is memoized and shared by every
 * caller, so a stray `set` (possible on a plain Map typed as ReadonlyMap) must not be able
 * to change it for everyone else.
 */

class ImmutableMap<K, V> implements ReadonlyMap<K, V> {
  readonly #inner: Map<K, V>;

  constructor(entries: Iterable<readonly [K, V]>) {
    this.#inner = new Map(entries);
    Object.freeze(this);
  }

  get size(): number {
    return this.#inner.size;
  }

  get(key: K): V | undefined {
    return this.#inner.get(key);
  }

  has(key: K): boolean {
    return this.#inner.has(key);
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    this.#inner.forEach((value, key) => callback.call(thisArg, value, key, this));
  }

  entries() {
    return this.#inner.entries();
  }

  keys() {
    return this.#inner.keys();
  }

  values() {
    return this.#inner.values();
  }

  [Symbol.iterator]() {
    return this.#inner[Symbol.iterator]();
  }
}

/** A map that has no mutating methods at run time either. Later entries win on key clash. */
export function immutableMap<K, V>(entries: Iterable<readonly [K, V]>): ReadonlyMap<K, V> {
  return new ImmutableMap(entries);
}

/**
 * Freezes an acyclic JSON-like value and everything reachable from it; returns the same
 * value. Already-frozen nodes are still walked: their children may not be.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
