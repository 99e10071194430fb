// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeScrollTables from './site/lib/rehypeScrollTables.mjs';
import { CONTENT_SECURITY_POLICY } from './site/lib/csp.mjs';
import serviceWorker from './site/integrations/serviceWorker.mjs';

// Astro 7's default Markdown processor ignores remark/rehype plugins, so math needs the unified processor.
export default defineConfig({
  srcDir: './site',
  site: 'http://localhost:4321',
  trailingSlash: 'always',
  // Stylesheets stay files: the CSP allows styles from 'self', and Astro does not hash every inlined component <style>.
  build: { inlineStylesheets: 'never' },
  // serviceWorker last: it lists the finished build (see site/integrations/serviceWorker.mjs).
  integrations: [mdx(), svelte(), serviceWorker()],
  markdown: {
    processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex, rehypeScrollTables] }),
  },
  vite: {
    worker: { format: 'es' },
    // Fonts stay files (never data: URIs): the CSP allows fonts from 'self' only, and a page fetches just the faces it uses.
    build: { assetsInlineLimit: (file) => (/\.(woff2?|ttf|otf)$/.test(file) ? false : undefined) },
  },
  devToolbar: { enabled: false },
  security: { csp: CONTENT_SECURITY_POLICY },
});
