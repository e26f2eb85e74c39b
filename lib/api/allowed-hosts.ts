const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** The host names vizmine answers to: the local ones, and those in VIZMINE_ALLOWED_HOSTS (comma-separated; `*` for any). */
export function allowedHostnames(): string[] {
  return [...LOCAL_HOSTS, ...(process.env.VIZMINE_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean)];
}

export function isAllowedHostname(hostname: string): boolean {
  const allowed = allowedHostnames();
  return allowed.includes(hostname) || allowed.includes('*');
}
