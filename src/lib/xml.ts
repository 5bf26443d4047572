/** Escapes text for XML and HTML attributes and text: the feed, the sitemap and the social cards' SVG. */
export function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
