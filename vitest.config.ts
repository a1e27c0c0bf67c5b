import { defineConfig } from 'vitest/config';
import { communesPlugin } from './renderer/communes-plugin';

export default defineConfig({
  plugins: [communesPlugin()],
  define: { __APP_VERSION__: JSON.stringify('test') },
  test: {
    include: ['renderer/src/**/*.test.ts', 'renderer/src/**/*.test.tsx', 'electron/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts', 'e2e/support/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
