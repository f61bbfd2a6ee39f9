// A graphql-ws client (the library portal front ends use) subscribing to wijkgraph:
// node subscribe.mjs <ws url> <token or ""> <count> <query>
// Prints one JSON line per result, then "complete" (after <count> results or when the
// server completes), or "closed <code> <reason>" when the server closes the socket.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, token, count, query] = process.argv.slice(2);
let remaining = Number(count);
const client = createClient({
  url,
  webSocketImpl: WebSocket,
  lazy: true,
  retryAttempts: 0,
  connectionParams: token ? { authorization: `Bearer ${token}` } : {},
  on: {
    connected: () => console.log('connected'),
    closed: (event) => {
      if (event?.code && event.code !== 1000) {
        console.log(`closed ${event.code} ${event.reason}`);
        process.exit(0);
      }
    },
  },
});
client.subscribe(
  { query },
  {
    next: (result) => {
      console.log(JSON.stringify(result));
      remaining -= 1;
      if (remaining <= 0) {
        console.log('complete');
        process.exit(0);
      }
    },
    error: (error) => {
      console.log(`error ${JSON.stringify(error?.message ?? error)}`);
      process.exit(0);
    },
    complete: () => {
      console.log('complete');
      process.exit(0);
    },
  },
);
