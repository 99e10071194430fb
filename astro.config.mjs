// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';

// Astro 7's default Markdown processor ignores remark/rehype plugins, so math needs the unified processor.
export default defineConfig({
  srcDir: './site',
  site: 'http://localhost:4321',
  trailingSlash: 'always',
  integrations: [mdx(), svelte()],
  markdown: {
    processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] }),
  },
  vite: {
    worker: { format: 'es' },
  },
  devToolbar: { enabled: false },
});
