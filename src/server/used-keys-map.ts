/**
 * A Map for caches that the pipeline fills through `get` and `set`: it notes which keys one
 * compile used, and `keepUsed()` then drops the rest. Bounded by what the current sources can
 * use, however long the editing session: every save of new text would otherwise add an entry.
 */
export class UsedKeysMap<K, V> extends Map<K, V> {
  private used = new Set<K>();

  override get(key: K): V | undefined {
    const value = super.get(key);
    if (value !== undefined) this.used?.add(key);
    return value;
  }

  override set(key: K, value: V): this {
    this.used?.add(key); // `used` is not there yet while Map's constructor runs
    return super.set(key, value);
  }

  keepUsed(): void {
    for (const key of this.keys()) if (!this.used.has(key)) this.delete(key);
    this.used.clear();
  }
}
