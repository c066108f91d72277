// Peer benchmark, keyed: bench.mjs (shared/bench/bullmq) with a jobId per job, BullMQ's
// deduplication and the equivalent of the fleet's idempotency key, so keyed fleet jobs are
// compared with keyed BullMQ jobs. Everything else is bench.mjs's: addBulk of 1000, the same
// clock, removeOnComplete, its own queue name, obliterated at the end.
// Usage: node bench-keyed.mjs [jobs=100000] [concurrency=64] [redis=redis://127.0.0.1:6379]
// Prints one line: "bullmq jobs=N concurrency=C enqueue_per_s=X process_per_s=Y".
import { Queue, Worker } from 'bullmq';

const jobs = Number(process.argv[2] ?? 100000);
const concurrency = Number(process.argv[3] ?? 64);
const url = new URL(process.argv[4] ?? 'redis://127.0.0.1:6379');
const connection = { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null };
const name = `peer-bench-${process.pid}`;

const queue = new Queue(name, { connection });
await queue.obliterate({ force: true }).catch(() => {});

// Shaped like the fleet's keys (a WhatsApp message id); BullMQ refuses ':' in custom ids.
const jobId = (j) => `wamid.HBgNNTQ5MTE1NTU1MTIzNBUCABIYFjNF${String(j).padStart(12, '0')}`;

let t0 = performance.now();
for (let i = 0; i < jobs; i += 1000) {
  const batch = [];
  for (let j = i; j < Math.min(i + 1000, jobs); j++) {
    batch.push({ name: 'noop', data: { i: j }, opts: { removeOnComplete: true, jobId: jobId(j) } });
  }
  await queue.addBulk(batch);
}
const enqueueSecs = (performance.now() - t0) / 1000;
const waiting = await queue.getWaitingCount();
if (waiting !== jobs) {
  console.error(`expected ${jobs} waiting jobs, found ${waiting}`);
  process.exit(1);
}

let done = 0;
t0 = performance.now();
const finished = new Promise((resolve) => {
  const worker = new Worker(name, async () => {}, { connection, concurrency });
  worker.on('completed', () => { if (++done === jobs) resolve(worker); });
});
const worker = await finished;
const processSecs = (performance.now() - t0) / 1000;
await worker.close();
await queue.obliterate({ force: true }).catch(() => {});
await queue.close();
console.log(`bullmq jobs=${jobs} concurrency=${concurrency} enqueue_per_s=${(jobs / enqueueSecs).toFixed(0)} process_per_s=${(jobs / processSecs).toFixed(0)}`);
process.exit(0);
