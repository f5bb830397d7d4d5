import type { Ports, ScanEvent } from '@pipewarden/core';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * A live status line on a terminal: every running scanner with its elapsed time, redrawn in place; finished
 * scanners leave one permanent line. In CI logs (no TTY) the plain start/end lines are used instead.
 */
export function liveProgress(write: (text: string) => void): Pick<Ports, 'progress' | 'log'> & { stop(): void } {
  const running = new Map<string, { started: number; target: string }>();
  let frame = 0;
  let drawn = false;
  const clear = () => {
    if (drawn) write('\r\x1b[K');
    drawn = false;
  };
  const draw = () => {
    clear();
    if (!running.size) return;
    const now = performance.now();
    const parts = [...running].map(([id, r]) => `${id} ${((now - r.started) / 1000).toFixed(1)}s`);
    write(`${FRAMES[frame++ % FRAMES.length]} scanning: ${parts.join(' · ')}`);
    drawn = true;
  };
  const timer = setInterval(draw, 120);
  timer.unref();
  return {
    progress(event: ScanEvent) {
      if (event.type === 'start') running.set(event.scanner, { started: performance.now(), target: event.target });
      else running.delete(event.scanner);
      draw();
    },
    log(level, message) {
      // Start lines are shown live; every other line is printed above the live line.
      if (level === 'info' && / [\d.]+: scanning |^[\w-]+ [\w.-]+: scanning /.test(message)) return;
      clear();
      write(`${level === 'warn' ? 'pipewarden: warning: ' : 'pipewarden › '}${message}\n`);
      draw();
    },
    stop() {
      clearInterval(timer);
      clear();
    },
  };
}
