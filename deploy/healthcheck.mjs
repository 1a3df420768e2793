// Container HEALTHCHECK for the api and bot-sim images (the slim image has no curl).
//
//   node healthcheck.mjs <path> [<port variable>] [<default port>]
//   node /app/deploy/healthcheck.mjs /api/v1/health PORT 8080
//
// Exit 0 when GET http://127.0.0.1:<port><path> answers 200 within 4 s, 1 otherwise.
// The API answers 200 when healthy or degraded (bot unreachable: it still serves the
// dashboard from its cache) and 503 when unhealthy (its database is down).
const [path = '/', portVariable = 'PORT', defaultPort = '8080'] = process.argv.slice(2);
const port = process.env[portVariable] || defaultPort;
const url = `http://127.0.0.1:${port}${path}`;

try {
  const res = await fetch(url, { signal: AbortSignal.timeout(4000), headers: { 'x-correlation-id': 'docker-healthcheck' } });
  await res.arrayBuffer();
  if (res.status !== 200) {
    console.error(`${url} answered ${res.status}`);
    process.exit(1);
  }
  process.exit(0);
} catch (error) {
  console.error(`${url} failed: ${error?.cause?.code ?? error?.name ?? error}`);
  process.exit(1);
}
