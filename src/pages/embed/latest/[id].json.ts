import type { APIRoute } from 'astro';
import { loadArchive } from '../../../data/archive.ts';
import { allRows } from '../../../data/downloads.ts';
import { latestEmbedData } from '../../../lib/embed.ts';

/**
 * An indicator's figures in each report's current version (src/lib/embed.ts): what a compare
 * embed showing the latest figures fetches for each indicator it shows. A pinned one fetches
 * every version's (/embed/figures/<id>.json).
 */
export async function getStaticPaths() {
	const { indicators } = await loadArchive();
	return indicators.map((i) => ({ params: { id: i.id } }));
}

export const GET: APIRoute = async ({ params }) =>
	new Response(JSON.stringify(latestEmbedData(await allRows(), params['id']!)), { headers: { 'content-type': 'application/json' } });
