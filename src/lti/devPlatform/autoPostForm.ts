export interface AutoPostForm {
  action: string;
  fields: Record<string, string>;
}

function unescapeHtml(value: string): string {
  return value
    .replace(/&#34;|&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Reads the self-submitting form of the auth endpoint page (the platform's own markup), so a test without a
 * browser can post the id_token to the tool as the browser would.
 */
export function readAutoPostForm(html: string): AutoPostForm {
  const action = /<form[^>]*\baction="([^"]*)"/.exec(html)?.[1];
  if (action === undefined) throw new Error('No form in the page');
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input[^>]*\btype="hidden"[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(match[0])?.[1];
    const value = /\bvalue="([^"]*)"/.exec(match[0])?.[1];
    if (name !== undefined) fields[unescapeHtml(name)] = unescapeHtml(value ?? '');
  }
  return { action: unescapeHtml(action), fields };
}
