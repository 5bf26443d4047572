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
	// The archive's page shows the latest figures: the link keeps the choice, not the pin.
	const choice = new URLSearchParams(location.search);
	choice.delete('v');
	choice.delete('d');
	const search = choice.toString().replace(/%2C/g, ',');
	for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-embed-back]')) link.search = search;
}
