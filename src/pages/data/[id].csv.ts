import type { APIRoute } from 'astro';
import { loadArchive } from '../../data/archive.ts';
import { figuresKey } from '../../data/page-keys.ts';
import { downloads } from '../../data/downloads.ts';

/** Each indicator's figures, every version (`grdp_growth.csv`) and current (`grdp_growth-current.csv`), and the archive's current figures. */
export async function getStaticPaths() {
	const names = [...(await downloads()).keys()].filter((name) => name.endsWith('.csv') && name !== 'indicators.csv');
	const cacheKey = figuresKey(await loadArchive());
	return names.map((name) => ({ params: { id: name.slice(0, -'.csv'.length) }, cacheKey }));
}

export const GET: APIRoute = async ({ params }) => {
	const file = (await downloads()).get(`${params['id']}.csv`)!;
	return new Response(file.body as BodyInit, { headers: { 'content-type': file.type } });
};
