// Request ids: an incoming X-Request-Id is kept when it is a sane token (so a reverse
// proxy's id follows the request through), otherwise one is generated. Never more than
// 128 printable characters of a small set: it is written into every log line.
const SANE = /^[A-Za-z0-9._:@-]{8,128}$/;

export function requestIdOf(incoming: string | null | undefined, generate: () => string = () => crypto.randomUUID()): string {
  return incoming && SANE.test(incoming) ? incoming : generate();
}
