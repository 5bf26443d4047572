import type { APIRoute } from 'astro';
import { downloads } from '../../data/downloads.ts';

/** Every figure of every version, with the indicator catalogue. */
export const GET: APIRoute = async () => {
	const file = (await downloads()).get('indicators.json')!;
	return new Response(file.body as BodyInit, { headers: { 'content-type': file.type } });
};
