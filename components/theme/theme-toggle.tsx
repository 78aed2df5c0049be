"use client";
import { useState } from "react";

type Choice = "system" | "light" | "dark";
const LABELS: Record<Choice, string> = { system: "System", light: "Light", dark: "Dark" };

/**
 * System / Light / Dark. The choice lives in a cookie (read by the root layout, so the
 * first paint already has it: no flash) and is applied at once on <html data-theme>.
 */
export function ThemeToggle({ initial, className = "" }: { initial: Choice; className?: string }) {
  const [choice, setChoice] = useState<Choice>(initial);
  function choose(next: Choice) {
    setChoice(next);
    const root = document.documentElement;
    if (next === "system") {
      delete root.dataset.theme;
      document.cookie = "theme=; Path=/; Max-Age=0; SameSite=Lax";
    } else {
      root.dataset.theme = next;
      document.cookie = `theme=${next}; Path=/; Max-Age=31536000; SameSite=Lax`;
    }
  }
  return (
    <fieldset className={`flex items-center gap-1 text-xs ${className}`}>
      <legend className="sr-only">Theme</legend>
      {(Object.keys(LABELS) as Choice[]).map((c) => (
        <label key={c} className={`cursor-pointer rounded px-2 py-1 has-focus-visible:outline-2 has-focus-visible:outline-indigo-400 ${choice === c ? "bg-sidebar-hover text-sidebar-strong" : "text-sidebar-text hover:text-sidebar-strong"}`}>
          <input type="radio" name="theme" value={c} checked={choice === c} onChange={() => choose(c)} className="sr-only" />
          {LABELS[c]}
        </label>
      ))}
    </fieldset>
  );
}
