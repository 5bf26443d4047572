/**
 * The language switcher keeps the reader's place: the other language's page opens with the same
 * query (`/search/?q=…`), the same choice (`/compare/?i=…&a=…&b=…`) and the same anchor. The
 * address is read when the link is used, since the compare and search pages change it as the
 * reader works. The not-found page's switcher goes to the other language's home page, as it is.
 */
for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-lang-switch="same"]')) {
	const page = link.href.replace(/[?#].*$/, '');
	const carry = () => {
		link.href = page + location.search + location.hash;
	};
	for (const event of ['pointerdown', 'focus', 'click', 'contextmenu']) link.addEventListener(event, carry);
}
