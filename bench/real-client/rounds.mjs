// The measuring loop shared by the Node and the browser driver: each round makes `calls`
// calls of every contender (in an order that rotates from round to round, in bursts), timed twice: until
// the calls have returned (what the caller's code waits for), and until the client has handed
// every event to the sink (its whole pipeline, batching and serialising included). Returns
// per-call microseconds per round: { returned: { name: [...] }, delivered: { name: [...] } }.

/**
 * `contenders`: { name: (index) => void }; `sink`: { expect(count): Promise<void> }; `clock`: milliseconds,
 * wall time by default (Node.js passes its process CPU time, which other work on the machine does not inflate).
 */
export async function measureRounds({ contenders, sink, calls, burst = calls, rounds, warmupRounds = 2, clock = () => performance.now() }) {
  const names = Object.keys(contenders);
  const returned = Object.fromEntries(names.map((name) => [name, []]));
  const delivered = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < warmupRounds + rounds; round++) {
    for (let offset = 0; offset < names.length; offset++) {
      const name = names[(round + offset) % names.length];
      const call = contenders[name];
      // In bursts of `burst` calls, each delivered before the next starts: a client that keeps its queue
      // (analytics-next persists it on every call) is measured as an app sends, not with thousands queued.
      let returning = 0;
      let delivering = 0;
      for (let first = 0; first < calls; first += burst) {
        const done = sink.expect(Math.min(burst, calls - first));
        const started = clock();
        for (let index = first; index < Math.min(first + burst, calls); index++) call(index);
        const back = clock();
        await done;
        returning += back - started;
        delivering += clock() - started;
      }
      if (round >= warmupRounds) {
        returned[name].push((returning * 1000) / calls);
        delivered[name].push((delivering * 1000) / calls);
      }
    }
  }
  return { returned, delivered };
}

/** A sink that resolves `expect(count)` once `count` more events have arrived. */
export function countingSink() {
  let received = 0;
  let waiting;
  return {
    receive(count) {
      received += count;
      if (waiting && received >= waiting.target) {
        const { resolve } = waiting;
        waiting = undefined;
        resolve();
      }
    },
    expect(count) {
      return new Promise((resolve) => {
        waiting = { target: received + count, resolve };
      });
    },
  };
}
