/** A worker thread rendering earlier versions' Markdown (src/data/markdown.ts) while the main thread renders pages. */
import { parentPort } from 'node:worker_threads';
import { renderCached } from '../data/markdown.ts';

/** A body to render, and the reply: its HTML, or undefined when it cannot be rendered. */
export type MarkdownRequest = { id: number; body: string };
export type MarkdownReply = { id: number; html: string | undefined };

parentPort?.on('message', ({ id, body }: MarkdownRequest) => {
	// renderCached never throws: a body it cannot render comes back as undefined.
	void renderCached(body).then((html) => parentPort!.postMessage({ id, html } satisfies MarkdownReply));
});
