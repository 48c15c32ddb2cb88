/**
 * A count with its noun, in the singular for one: "1 row", "3 rows", "1,204 rows".
 *
 * @param count - how many
 * @param one - the noun for one ("row")
 * @param many - the noun for any other count, when it is not `one` + "s"
 * @example
 * countOf(1, 'row') // '1 row'
 * countOf(2, 'entry', 'entries') // '2 entries'
 */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`
}
