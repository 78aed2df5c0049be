"use client";
import { useEffect } from "react";

/** A key typed into a field is text, never a page shortcut. */
export function isTypingTarget(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
}

/**
 * j / k move the focus to the next / previous `[data-keynav-item]` link inside the element
 * with `id`, Enter opens it (it is a link): a reviewer works the inbox without the mouse.
 * Keys typed into a field, or with a modifier, are left alone.
 */
export function KeyNav({ targetId }: { targetId: string }) {
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key !== "j" && e.key !== "k") return;
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (isTypingTarget(e.target)) return;
      const items = [...(document.getElementById(targetId)?.querySelectorAll<HTMLElement>("[data-keynav-item]") ?? [])];
      if (items.length === 0) return;
      e.preventDefault();
      const at = items.indexOf(document.activeElement as HTMLElement);
      const next = at === -1 ? 0 : Math.min(items.length - 1, Math.max(0, at + (e.key === "j" ? 1 : -1)));
      items[next]!.focus();
      items[next]!.scrollIntoView({ block: "nearest" });
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [targetId]);
  return null;
}
