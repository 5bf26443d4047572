import type { APIRoute } from 'astro';
import { loadArchive } from '../../data/archive.ts';
import { figuresKey } from '../../data/page-keys.ts';
import { downloads } from '../../data/downloads.ts';

/** The workbooks: each indicator's (`grdp_growth.xlsx`) and the whole archive's (`indicators.xlsx`). */
export async function getStaticPaths() {
	const names = [...(await downloads()).keys()].filter((name) => name.endsWith('.xlsx'));
	const cacheKey = figuresKey(await loadArchive());
	return names.map((name) => ({ params: { id: name.slice(0, -'.xlsx'.length) }, cacheKey }));
}

export const GET: APIRoute = async ({ params }) => {
	const file = (await downloads()).get(`${params['id']}.xlsx`)!;
	return new Response(file.body as BodyInit, { headers: { 'content-type': file.type } });
};
