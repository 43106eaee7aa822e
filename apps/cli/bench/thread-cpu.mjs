// Preloaded (`node --import`) into the processes the bench times: at exit, writes to stderr the
// CPU time (user + system, ms) of the main thread, of the worker threads that clean pages, and of
// the process's other threads (V8's compiler and GC threads, libuv's pool), from Linux's
// /proc/self/task. Each worker thread names its own thread id (/proc/thread-self) on a
// BroadcastChannel as it starts. Threads that end earlier are counted as last sampled (every
// 100 ms). Elsewhere it does nothing.
import { existsSync, readFileSync, readdirSync, readlinkSync, writeSync } from 'node:fs';
import { BroadcastChannel, isMainThread } from 'node:worker_threads';

const TICK_MS = 10; // USER_HZ is 100 on Linux
const CHANNEL = 'corpuskit-bench-thread-cpu';

function sample(cpuMs) {
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpuMs.set(tid, (Number(fields[11]) + Number(fields[12])) * TICK_MS);
    } catch {
      // the thread ended between the listing and the read
    }
  }
}

if (existsSync('/proc/thread-self')) {
  const channel = new BroadcastChannel(CHANNEL);
  channel.unref();
  if (!isMainThread) {
    channel.postMessage(readlinkSync('/proc/thread-self').split('/').pop());
  } else {
    const cpuMs = new Map();
    const workerTids = new Set();
    channel.onmessage = (event) => workerTids.add(String(event.data));
    setInterval(() => sample(cpuMs), 100).unref();
    process.on('exit', () => {
      sample(cpuMs);
      let main = 0;
      let workers = 0;
      let v8 = 0;
      for (const [tid, ms] of cpuMs) {
        if (tid === String(process.pid)) main = ms;
        else if (workerTids.has(tid)) workers += ms;
        else v8 += ms;
      }
      // `other` (workers + v8) is kept for older readers of this line.
      const line = JSON.stringify({ main, workers, v8, other: workers + v8, workerThreads: workerTids.size });
      writeSync(2, `\nCORPUSKIT_BENCH_THREAD_CPU ${line}\n`);
    });
  }
}
