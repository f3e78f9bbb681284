import { defineConfig } from 'vite';

// The console is served by the admin API under /admin/console/ from the admin-api jar's classpath
// (Maven copies target/classes into the jar), so the build writes straight there.
export default defineConfig({
  base: '/admin/console/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'target/classes/admin-console',
    emptyOutDir: true,
    assetsDir: 'assets',
  },
});
