// How a register book reads in a list: a book of a unit taken over names that unit.
export function bookLabel(b: { name: string; unitLabel?: string | null }): string {
  return b.unitLabel ? `${b.name} — ${b.unitLabel}` : b.name;
}

/** A register page's title while it shows a book of a unit taken over: that book, that unit. */
export function formerBookTitle(
  title: string,
  books: readonly { id: string; name: string; unitLabel?: string | null }[],
  bookId?: string,
): string {
  const book = bookId ? books.find((b) => b.id === bookId) : undefined;
  return book?.unitLabel ? `${title} — ${bookLabel(book)}` : title;
}
