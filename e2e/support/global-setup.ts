import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { SHOTS_DIR } from './paths';
import { ensureWebBuilt, startServer } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

/** Once per run: build the web UI if needed, start the server, hand its URL to the journeys. */
export default async function setup(project: TestProject) {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  ensureWebBuilt();
  const server = await startServer();
  console.log(`[e2e] server ready at ${server.baseURL}`);
  project.provide('baseURL', server.baseURL);
  return async () => {
    await server.stop();
  };
}
