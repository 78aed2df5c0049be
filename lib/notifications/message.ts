// Builds the text and HTML of an email from a title, lines and one link. Bodies carry
// record references, titles and deadlines only: never a data subject's identifier, email
// or a decision's inputs (docs/decisions/600). Callers pass what is safe; this escapes it.
export type MailContent = { subject: string; text: string; html: string };
export type MailLine = { label: string; value: string };

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]!);
}

/** A single line: subjects and header-like values must not carry line breaks. */
export function oneLine(s: string, max = 200): string {
  const flat = s.replace(/[\r\n\t]+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function absoluteUrl(appUrl: string, path: string): string {
  return new URL(path, appUrl.endsWith("/") ? appUrl : `${appUrl}/`).toString();
}

export function buildMail(input: { subject: string; intro: string; lines?: MailLine[]; link: { url: string; label: string }; footer?: string }): MailContent {
  const subject = oneLine(input.subject);
  const lines = input.lines ?? [];
  const footer = input.footer ?? "You get this email because of your notification settings on your account page.";
  const text = [input.intro, "", ...lines.map((l) => `${l.label}: ${oneLine(l.value, 500)}`), "", `${input.link.label}: ${input.link.url}`, "", "--", footer, ""].join("\n");
  const rows = lines.map((l) => `<tr><th align="left" style="padding:2px 12px 2px 0">${escapeHtml(l.label)}</th><td>${escapeHtml(oneLine(l.value, 500))}</td></tr>`).join("");
  const html = `<!doctype html><html><body style="font-family:sans-serif;color:#111">
<p>${escapeHtml(input.intro)}</p>${rows ? `<table>${rows}</table>` : ""}
<p><a href="${escapeHtml(input.link.url)}">${escapeHtml(input.link.label)}</a></p>
<p style="color:#666;font-size:12px">${escapeHtml(footer)}</p></body></html>`;
  return { subject, text, html };
}

/** A list mail (the digest): sections of items, each with its own link. */
export function buildListMail(input: { subject: string; intro: string; sections: { title: string; items: { text: string; url: string }[] }[]; link: { url: string; label: string }; footer: string }): MailContent {
  const subject = oneLine(input.subject);
  const sections = input.sections.filter((s) => s.items.length > 0);
  const text = [
    input.intro,
    "",
    ...sections.flatMap((s) => [s.title, ...s.items.map((i) => `- ${oneLine(i.text, 300)}\n  ${i.url}`), ""]),
    `${input.link.label}: ${input.link.url}`,
    "",
    "--",
    input.footer,
    "",
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family:sans-serif;color:#111">
<p>${escapeHtml(input.intro)}</p>
${sections.map((s) => `<h2 style="font-size:15px">${escapeHtml(s.title)}</h2><ul>${s.items.map((i) => `<li><a href="${escapeHtml(i.url)}">${escapeHtml(oneLine(i.text, 300))}</a></li>`).join("")}</ul>`).join("\n")}
<p><a href="${escapeHtml(input.link.url)}">${escapeHtml(input.link.label)}</a></p>
<p style="color:#666;font-size:12px">${escapeHtml(input.footer)}</p></body></html>`;
  return { subject, text, html };
}
