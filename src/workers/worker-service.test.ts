import { describe, expect, test } from 'vitest';
import { startWorker } from './worker-service.ts';

const url = new URL('./fixtures/test-worker.ts', import.meta.url);

describe('startWorker and serveRequests', () => {
	test('answer each call, however many are waiting, at most `concurrency` at a time', async () => {
		const worker = startWorker<number, number>(url, 32, () => undefined);
		try {
			expect(await Promise.all([1, 2, 3, 4, 5, 6].map((n) => worker.call(n)))).toEqual([2, 4, 6, 8, 10, 12]);
			// 0 asks the worker how many it ever ran at once.
			expect(await worker.call(0)).toBe(2);
		} finally {
			await worker.stop();
		}
	});

	test('a request the worker cannot answer rejects with its error; the others still get theirs', async () => {
		const worker = startWorker<number, number>(url, 32, () => undefined);
		try {
			const [bad, good] = await Promise.allSettled([worker.call(-1), worker.call(4)]);
			expect(bad).toMatchObject({ status: 'rejected', reason: { message: 'cannot double -1' } });
			expect(good).toEqual({ status: 'fulfilled', value: 8 });
		} finally {
			await worker.stop();
		}
	});

	test('when the worker dies, waiting and later calls reject, after onError', async () => {
		const errors: Error[] = [];
		const worker = startWorker<number, number>(url, 32, (error) => errors.push(error));
		try {
			const waiting = worker.call(5);
			await expect(worker.call(13)).rejects.toThrow();
			await expect(waiting).rejects.toThrow();
			await expect(worker.call(1)).rejects.toThrow();
			expect(errors).toHaveLength(1);
		} finally {
			await worker.stop();
		}
	});

	test('with oneAtATime, equal requests wait for each other; different ones still run side by side', async () => {
		process.env['TEST_ONE_AT_A_TIME'] = '1';
		const worker = startWorker<number, number>(url, 32, () => undefined);
		delete process.env['TEST_ONE_AT_A_TIME'];
		try {
			expect(await Promise.all([7, 7, 7].map((n) => worker.call(n)))).toEqual([14, 14, 14]);
			expect(await worker.call(0)).toBe(1);
			expect(await worker.call(107)).toBe(3);
			expect(await Promise.all([8, 9].map((n) => worker.call(n)))).toEqual([16, 18]);
			expect(await worker.call(0)).toBe(2);
		} finally {
			await worker.stop();
		}
	});

	test('with restAfterMs, a worker with no call waiting ends, and the next call starts another', async () => {
		const errors: Error[] = [];
		const worker = startWorker<number, number>(url, 32, (error) => errors.push(error), { restAfterMs: 100 });
		try {
			// Calls close together go to one thread: 104 asks how many times 4 was handled there.
			expect(await worker.call(4)).toBe(8);
			expect(await worker.call(4)).toBe(8);
			expect(await worker.call(104)).toBe(2);
			// Calls with short pauses between them, for longer than the rest in all, keep the thread.
			for (let i = 0; i < 6; i++) {
				expect(await worker.call(4)).toBe(8);
				await new Promise((done) => setTimeout(done, 40));
			}
			expect(await worker.call(104)).toBe(8);
			await new Promise((done) => setTimeout(done, 400));
			// Rested: a new thread, which has handled nothing, answers, and resting was no failure.
			expect(await worker.call(104)).toBe(0);
			expect(await worker.call(4)).toBe(8);
			expect(errors).toEqual([]);
		} finally {
			await worker.stop();
		}
	});

	test('without restAfterMs, an idle worker keeps its thread', async () => {
		const worker = startWorker<number, number>(url, 32, () => undefined);
		try {
			expect(await worker.call(4)).toBe(8);
			await new Promise((done) => setTimeout(done, 400));
			expect(await worker.call(104)).toBe(1);
		} finally {
			await worker.stop();
		}
	});
});
