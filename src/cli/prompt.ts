import readline from 'node:readline';

/** Read one line without echo on a terminal; the first line of stdin when piped. */
function ask(question: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    return new Promise((resolve, reject) => {
      const rl = readline.createInterface({ input });
      rl.once('line', (line) => {
        resolve(line);
        rl.close();
      });
      rl.once('close', () => resolve(''));
      input.once('error', reject);
    });
  }
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input, output: process.stderr, terminal: true });
    const r = rl as unknown as { _writeToOutput(s: string): void; output: NodeJS.WriteStream };
    let muted = false;
    r._writeToOutput = (s: string) => {
      if (!muted || s.includes('\n')) r.output.write(muted ? '\n' : s);
    };
    rl.question(question, (answer) => {
      rl.close();
      resolve(answer);
    });
    muted = true;
  });
}

/** Ask for a new password (twice on a terminal). */
export async function readPassword(): Promise<string> {
  const first = await ask('Mật khẩu / password: ');
  if (!process.stdin.isTTY) return first;
  const second = await ask('Nhập lại / repeat: ');
  if (first !== second) {
    const { CliError } = await import('./context');
    throw new CliError('Hai lần nhập mật khẩu không khớp.', 'The two passwords differ.');
  }
  return first;
}
