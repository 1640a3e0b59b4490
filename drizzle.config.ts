import { defineConfig } from 'drizzle-kit';

/** `npm run db:generate` writes SQL migrations offline; the app applies them at start-up. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/models/schema/index.ts',
  out: './src/models/migrations',
});
