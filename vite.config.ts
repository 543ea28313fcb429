import { relative, resolve, sep } from "node:path";
import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

const srcDir = resolve(import.meta.dirname, "src") + sep;
const serverOut = resolve(import.meta.dirname, "build", "server");

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [reactRouter()],
  build: {
    chunkSizeWarningLimit: 1500,
    // The server build imports src/ at run time instead of bundling a copy: one copy of the
    // services means one actor cache, one AppError class, one pg type setup for web and API alike.
    rollupOptions: isSsrBuild
      ? {
          external: (id: string) => id.startsWith(srcDir),
          makeAbsoluteExternalsRelative: false,
          output: { paths: (id: string) => (id.startsWith(srcDir) ? relative(serverOut, id) : id) },
        }
      : {},
  },
}));
