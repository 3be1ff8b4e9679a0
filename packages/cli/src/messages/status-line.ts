// One line of progress on stderr, redrawn in place: only on a terminal (CI logs and pipes never
// see it), cut to the terminal's width, and cleared when the work is done. validate's progress bar,
// pull's rule count and audit's file count each say what they show; this draws it.

export interface Terminal {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

export interface StatusLineOptions {
  /** Draw nothing until this long after the start, so quick work prints nothing. */
  readonly quietMs?: number;
  /** Redraw at most this often. */
  readonly redrawMs?: number;
  readonly now?: () => number;
}

export interface StatusLine {
  /** `text` is called only when the line is drawn, so a caller may report progress as often as it likes. */
  show(text: () => string): void;
  /** Clears the line (when one was drawn), so what follows starts on a clean one. */
  done(): void;
}

export function statusLine(terminal: Terminal, { quietMs = 0, redrawMs = 0, now = () => performance.now() }: StatusLineOptions = {}): StatusLine {
  if (!terminal.isTTY) return { show() {}, done() {} };
  const started = now();
  let lastDraw = -Infinity;
  let drawn = false;
  return {
    show(text) {
      const time = now();
      if (time - started < quietMs || time - lastDraw < redrawMs) return;
      lastDraw = time;
      drawn = true;
      terminal.write(`\r${text().slice(0, (terminal.columns ?? 80) - 1)}\x1b[K`);
    },
    done() {
      if (drawn) terminal.write('\r\x1b[K');
    },
  };
}
