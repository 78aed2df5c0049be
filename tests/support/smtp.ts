// A real SMTP server on loopback (the smtp-server package) that keeps what it receives,
// parsed with mailparser. `rejectFirst` refuses that many messages with a 451 first, to
// test retries. Used by the database tests and the end-to-end test.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type Mailbox = { url: string; messages: ParsedMail[]; rejected: number; close: () => Promise<void>; rejectNext: (n: number) => void };

export async function startSmtp(opts: { rejectFirst?: number; user?: string; pass?: string; port?: number } = {}): Promise<Mailbox> {
  const user = opts.user ?? "mailer";
  const pass = opts.pass ?? "mailer-pass";
  let toReject = opts.rejectFirst ?? 0;
  const box: Mailbox = { url: "", messages: [], rejected: 0, close: async () => undefined, rejectNext: (n) => (toReject = n) };
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === user && auth.password === pass) cb(null, { user });
      else cb(new Error("Invalid username or password"));
    },
    onData(stream, _session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (toReject > 0) {
          toReject--;
          box.rejected++;
          const err = new Error("Try again later") as Error & { responseCode: number };
          err.responseCode = 451;
          return cb(err);
        }
        simpleParser(Buffer.concat(chunks)).then((m) => {
          box.messages.push(m);
          cb();
        }, cb);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  box.url = `smtp://${user}:${pass}@127.0.0.1:${port}`;
  box.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return box;
}
