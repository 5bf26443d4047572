import type { APIRoute } from 'astro';
import { loadArchive } from '../../data/archive.ts';
import { figureRows } from '../../data/downloads.ts';
import { toCsv } from '../../lib/downloads.ts';

export async function getStaticPaths() {
	const { indicators } = await loadArchive();
	return indicators.map((indicator) => ({ params: { id: indicator.id } }));
}

/** One indicator's figures, every version, as CSV. */
export const GET: APIRoute = async ({ params }) => {
	const rows = (await figureRows()).filter((row) => row.indicator === params['id']);
	return new Response(toCsv(rows), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
