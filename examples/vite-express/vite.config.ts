import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // DataBrain's elements are one lazy chunk of about 4.6 MB, loaded only when real DataBrain is used.
  build: { chunkSizeWarningLimit: 5000 },
});
