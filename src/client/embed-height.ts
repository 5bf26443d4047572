/**
 * An embed tells the page that frames it how tall it is, whenever that changes, so the frame fits
 * (the embed code listens for this message from the archive's origin only). The link back to the
 * archive keeps the embed's choice (`?i=…` for a compare view).
 */
export function reportHeight(): void {
	const tell = () => parent.postMessage({ type: 'annals:height', height: document.documentElement.scrollHeight }, '*');
	new ResizeObserver(tell).observe(document.body);
	document.addEventListener('toggle', tell, true);
	tell();
	for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-embed-back]')) link.search = location.search;
}
