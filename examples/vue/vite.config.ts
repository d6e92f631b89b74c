import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [
    vue({
      // acct-* are custom elements, not Vue components: Vue renders them as-is and sets bound
      // values as DOM properties when the element has them (adapter, brand, links).
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('acct-') } },
    }),
  ],
  build: { target: 'es2022' },
});
