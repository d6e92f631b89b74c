import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Nothing acct-specific: @acct/react and @acct/elements are plain ESM packages.
export default defineConfig({
  plugins: [react()],
  build: { target: 'es2022' },
});
