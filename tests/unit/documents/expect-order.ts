/** Asserts that every part occurs in `text`, each after the one before; names the first one out of place. */
export function expectInOrder(text: string, parts: readonly string[]): void {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    if (at < 0) {
      const anywhere = text.indexOf(part);
      throw new Error(anywhere < 0
        ? `missing: ${JSON.stringify(part)}`
        : `out of order: ${JSON.stringify(part)} occurs only before ${JSON.stringify(text.slice(Math.max(0, from - 60), from))}`);
    }
    from = at + part.length;
  }
}
