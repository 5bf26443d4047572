import type { APIRoute } from 'astro';
import { downloads } from '../../data/downloads.ts';

/** Every figure of every version, long format, UTF-8 with a byte-order mark. */
export const GET: APIRoute = async () => {
	const file = (await downloads()).get('indicators.csv')!;
	return new Response(file.body as BodyInit, { headers: { 'content-type': file.type } });
};
