import { vitePreprocess } from '@astrojs/svelte';

/** Svelte preprocessing: TypeScript in <script lang="ts">. */
export default { preprocess: vitePreprocess() };
