/** The items of a page's error summary as `anchor text`, in the order the page lists them. */
export function summaryItems(html: string): string[] {
  const start = html.indexOf('class="alert alert-danger error-summary"');
  if (start < 0) return [];
  const summary = html.slice(start, html.indexOf('</div>', start));
  return [...summary.matchAll(/<li><a class="alert-link" href="#([^"]+)">([^<]*)<\/a><\/li>/g)].map(
    ([, anchor, text]) => `${anchor} ${text}`,
  );
}
