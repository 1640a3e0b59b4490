/** The items of a page's error summary as `anchor text`, in the order the page lists them. */
export function summaryItems(html: string): string[] {
  const start = html.indexOf('class="alert alert-danger error-summary"');
  if (start < 0) return [];
  const summary = html.slice(start, html.indexOf('</div>', start));
  return [...summary.matchAll(/<li><a class="alert-link" href="#([^"]+)">([^<]*)<\/a><\/li>/g)].map(
    ([, anchor, text]) => `${anchor} ${text}`,
  );
}

/**
 * The links of a page's error summary (or of the block matched by `selector`, an id like '#wizard-conflict') whose
 * target is not an element id of the page: each must lead to its field.
 */
export function missingAnchors(html: string, selector = '.error-summary'): string[] {
  const marker = selector.startsWith('#') ? `id="${selector.slice(1)}"` : `${selector.slice(1)}"`;
  const start = selector.startsWith('#') ? html.indexOf(marker) : html.search(new RegExp(`class="[^"]*\\b${selector.slice(1)}\\b`));
  if (start < 0) return [];
  const block = html.slice(start, html.indexOf('</div>', start));
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map(([, id]) => id));
  return [...block.matchAll(/href="#([^"]+)"/g)].map(([, anchor]) => decodeURIComponent(anchor)).filter((anchor) => !ids.has(anchor));
}
