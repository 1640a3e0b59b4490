// Loaded by the soak into the Pstage process (`node --expose-gc --require …`), never by Pstage itself:
// on SIGUSR2, a full garbage collection, then the memory in use, as one JSON line on stderr.
process.on('SIGUSR2', () => {
  global.gc();
  const { heapUsed, rss, external } = process.memoryUsage();
  const mb = (bytes) => Math.round(bytes / 104857.6) / 10;
  process.stderr.write(`${JSON.stringify({ soakHeap: { heapUsedMb: mb(heapUsed), rssMb: mb(rss), externalMb: mb(external) } })}\n`);
});
