import type { APIRoute } from 'astro';
import { loadArchive } from '../../data/archive.ts';
import { figuresKey } from '../../data/page-keys.ts';
import { downloads } from '../../data/downloads.ts';

/** The data packages: each indicator's (`grdp_growth.zip`) and the whole archive's (`indicators.zip`). */
export async function getStaticPaths() {
	const names = [...(await downloads()).keys()].filter((name) => name.endsWith('.zip'));
	const cacheKey = figuresKey(await loadArchive());
	return names.map((name) => ({ params: { id: name.slice(0, -'.zip'.length) }, cacheKey }));
}

export const GET: APIRoute = async ({ params }) => {
	const file = (await downloads()).get(`${params['id']}.zip`)!;
	return new Response(file.body as BodyInit, { headers: { 'content-type': file.type } });
};
