/**
 * Looks a string that came from Connect up in one of the widget's tables. A plain `table[key]` would find
 * Object.prototype's members too: a state, status or type named `constructor` or `toString` would come back
 * as a function and break the stepper, the item lists or the polling. Only the table's own entries count.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
