// A small pool of forked Node processes with a hard per-task time limit and recycling.
//
// Why child processes and not a worker-thread library: a page that hangs the DOM engine must be
// killed outright (SIGKILL), a native crash or an out-of-memory must take down only its own
// process, and jsdom's retained memory is only reliably returned when the process exits. The
// whole pool is ~100 lines, so no dependency is added to the published package for it.

import { fork } from 'node:child_process';

/**
 * @typedef {{ ok: true, result: any, ms: number }
 *   | { ok: false, failure: 'error' | 'timeout' | 'crash', error: string, ms: number }} TaskOutcome
 */

export class ForkPool {
  /**
   * @param {object} options
   * @param {string} options.script module run in each child
   * @param {number} options.size number of children
   * @param {number} options.timeoutMs per-task limit; the child is killed when it is exceeded
   * @param {number} options.recycleAfter tasks per child before it is replaced
   * @param {number} options.maxRssMb replace a child whose resident memory grew past this
   * @param {string[]} [options.execArgv]
   */
  constructor({ script, size, timeoutMs, recycleAfter, maxRssMb, execArgv = [] }) {
    Object.assign(this, { script, size, timeoutMs, recycleAfter, maxRssMb, execArgv });
    /** @type {Array<{ task: any, resolve: (o: TaskOutcome) => void }>} */
    this.queue = [];
    this.slots = Array.from({ length: size }, () => ({ child: null, done: 0, busy: false }));
    this.nextId = 1;
    this.closed = false;
  }

  /** @returns {Promise<TaskOutcome>} */
  run(task) {
    return new Promise((resolve) => {
      this.queue.push({ task, resolve });
      this.pump();
    });
  }

  pump() {
    for (const slot of this.slots) {
      if (slot.busy || this.queue.length === 0) continue;
      const job = this.queue.shift();
      this.start(slot, job);
    }
  }

  spawn(slot) {
    const child = fork(this.script, [], { execArgv: this.execArgv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    slot.child = child;
    slot.done = 0;
    return child;
  }

  /** Replace a child: a graceful exit (IPC disconnect) after normal work, SIGKILL after a hang. */
  retire(slot, hard = false) {
    const child = slot.child;
    slot.child = null;
    if (child && child.exitCode === null && child.signalCode === null) {
      child.removeAllListeners();
      child.on('error', () => {});
      if (hard || !child.connected) child.kill('SIGKILL');
      else {
        child.disconnect();
        // A child that does not leave within a few seconds is killed.
        setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 5000).unref();
      }
    }
  }

  start(slot, { task, resolve }) {
    slot.busy = true;
    const child = slot.child ?? this.spawn(slot);
    const id = this.nextId++;
    const started = performance.now();
    let settled = false;
    const finish = (outcome, { kill = false, rss = 0 } = {}) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      child.off('error', onExit);
      slot.done++;
      if (kill || slot.done >= this.recycleAfter || rss > this.maxRssMb * 1024 * 1024) this.retire(slot, kill);
      slot.busy = false;
      resolve(outcome);
      if (!this.closed) this.pump();
    };
    const onMessage = (m) => {
      if (m?.id !== id) return;
      if (m.ok) finish({ ok: true, result: m.result, ms: m.ms }, { rss: m.rss });
      else
        finish({ ok: false, failure: 'error', error: `${m.error.name}: ${m.error.message}`, ms: m.ms }, { rss: m.rss });
    };
    const onExit = (code, signal) => {
      const why = code instanceof Error ? code.message : `exit ${code ?? ''}${signal ? ` ${signal}` : ''}`.trim();
      finish(
        { ok: false, failure: 'crash', error: `worker died (${why})`, ms: performance.now() - started },
        { kill: true },
      );
    };
    const timer = setTimeout(() => {
      finish(
        {
          ok: false,
          failure: 'timeout',
          error: `no result within ${this.timeoutMs} ms`,
          ms: performance.now() - started,
        },
        { kill: true },
      );
    }, this.timeoutMs);
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.once('error', onExit);
    try {
      child.send({ type: 'task', id, task });
    } catch (error) {
      onExit(error);
    }
  }

  async close() {
    this.closed = true;
    for (const slot of this.slots) this.retire(slot, false);
  }
}
