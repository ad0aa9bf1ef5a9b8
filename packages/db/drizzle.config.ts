import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: ['./src/schema.ts', './src/schema-accounts.ts', './src/schema-reporting.ts'],
  out: './drizzle',
});
