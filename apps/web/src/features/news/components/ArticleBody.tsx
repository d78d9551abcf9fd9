/** An article's body as HTML. The server stores only what its allow-list keeps (sanitize-html: no script, event
 * handler, style or javascript: URL), so the page shows it as it is. */
export function ArticleBody({ html }: { html: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the body was cleaned by the server's allow-list on write
  return <div className="news-body" dangerouslySetInnerHTML={{ __html: html }} />;
}
