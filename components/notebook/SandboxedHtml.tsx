'use client';

/**
 * Untrusted HTML (notebook outputs, HTML figures) goes into an iframe with an empty sandbox:
 * no scripts, no forms, no popups, a unique origin with no access to this page or its cookies.
 * A CSP inside the document also blocks every network fetch it would make.
 */
const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">`;

export function SandboxedHtml({ html, height = 320, title = 'notebook output' }: { html: string; height?: number; title?: string }) {
  return <iframe title={title} sandbox="" srcDoc={`<!doctype html>${CSP}<body style="font:13px system-ui;margin:6px">${html}`} style={{ height }} />;
}
