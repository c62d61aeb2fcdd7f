import cliProgress from 'cli-progress';

/** A progress bar on a terminal; plain lines every 10% when output is piped (CI logs). */
export function progressBar(
  label: string,
  unit: string,
): {
  update(done: number, total: number): void;
  stop(): void;
} {
  const started = Date.now();
  if (!process.stderr.isTTY) {
    let lastDecile = -1;
    return {
      update(done, total) {
        const decile = total === 0 ? 10 : Math.floor((done / total) * 10);
        if (decile !== lastDecile) {
          lastDecile = decile;
          console.error(
            `${label}: ${done}/${total} ${unit} (${Math.round((done / Math.max(1, total)) * 100)}%)`,
          );
        }
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} |{bar}| {percentage}% | {value}/{total} ${unit} | {speed} ${unit}/s | {duration_formatted}`,
      barCompleteChar: '\u2588',
      barIncompleteChar: '\u2591',
      hideCursor: true,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  let startedBar = false;
  return {
    update(done, total) {
      const speed = Math.round(done / Math.max(0.001, (Date.now() - started) / 1000));
      if (!startedBar) {
        bar.start(total, done, { speed });
        startedBar = true;
      } else bar.update(done, { speed });
    },
    stop() {
      if (startedBar) bar.stop();
    },
  };
}
