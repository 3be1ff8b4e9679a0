// The measuring loop shared by the Node and the browser driver: each round makes `calls`
// calls of every contender (in an order that rotates from round to round), and a call
// counts as done when the client has handed its event to the sink (the client's whole
// pipeline, batching and serialising included). Returns per-call microseconds per round.

/** `contenders`: { name: (index) => void }; `sink`: { expect(count): Promise<void> }. */
export async function measureRounds({ contenders, sink, calls, rounds, warmupRounds = 2 }) {
  const names = Object.keys(contenders);
  const perCall = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < warmupRounds + rounds; round++) {
    for (let offset = 0; offset < names.length; offset++) {
      const name = names[(round + offset) % names.length];
      const call = contenders[name];
      const done = sink.expect(calls);
      const started = performance.now();
      for (let index = 0; index < calls; index++) call(index);
      await done;
      const micros = ((performance.now() - started) * 1000) / calls;
      if (round >= warmupRounds) perCall[name].push(micros);
    }
  }
  return perCall;
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
