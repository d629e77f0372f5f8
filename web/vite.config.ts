import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The API serves the built app under /app/ (api/routes/web.py). `npm run dev` serves it
// with hot reload and forwards the API's paths to a running `make run` (port 8001).
const api = "http://127.0.0.1:8001";

export default defineConfig({
  base: "/app/",
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true },
  server: { proxy: { "/api": api } },
});
