// Loaded by the benchmarks into the Pstage process (`node --expose-gc --require …`), never by Pstage itself:
// on SIGUSR2, a full garbage collection, then the memory in use, as one JSON line on stderr. What a leak makes grow
// is the heap in use after the collection; the resident memory before it also counts the garbage V8 has let pile up.
process.on('SIGUSR2', () => {
  global.gc();
  const { heapUsed, rss, external } = process.memoryUsage();
  const mb = (bytes) => Math.round(bytes / 104857.6) / 10;
  process.stderr.write(`${JSON.stringify({ heapProbe: { heapUsedMb: mb(heapUsed), rssMb: mb(rss), externalMb: mb(external) } })}\n`);
});
