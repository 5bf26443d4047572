import type { APIRoute } from 'astro';
import { allRows } from '../../data/downloads.ts';
import { versionsOf } from '../../lib/embed.ts';

/**
 * Every version of every report, oldest first: the choices of "pin to a version" in the embed
 * code, fetched when a reader reaches it, so an archive's long history does not weigh on every
 * indicator and compare page.
 */
export const GET: APIRoute = async () => new Response(JSON.stringify(versionsOf(await allRows())), { headers: { 'content-type': 'application/json' } });
