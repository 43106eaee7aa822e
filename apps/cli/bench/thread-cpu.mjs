// Preloaded (`node --import`) into the ingest process the bench times: at exit, writes to stderr
// the CPU time (user + system, ms) of the main thread and of all other threads of the process
// (worker threads, V8's compiler and GC threads, libuv's pool), from Linux's /proc/self/task.
// Threads that end earlier are counted as last sampled (every 100 ms). Elsewhere it does nothing.
import { existsSync, readFileSync, readdirSync, writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const TICK_MS = 10; // USER_HZ is 100 on Linux
const cpuMs = new Map();

function sample() {
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

if (isMainThread && existsSync('/proc/self/task')) {
  setInterval(sample, 100).unref();
  process.on('exit', () => {
    sample();
    let main = 0;
    let other = 0;
    for (const [tid, ms] of cpuMs) {
      if (tid === String(process.pid)) main = ms;
      else other += ms;
    }
    writeSync(2, `\nCORPUSKIT_BENCH_THREAD_CPU ${JSON.stringify({ main, other })}\n`);
  });
}
