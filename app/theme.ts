import { cookies } from "next/headers";

/** The person's choice of theme; none means "follow the system" (prefers-color-scheme). */
export type ThemeChoice = "light" | "dark";
export const THEME_COOKIE = "theme";

export async function themeChoice(): Promise<ThemeChoice | undefined> {
  const v = (await cookies()).get(THEME_COOKIE)?.value;
  return v === "light" || v === "dark" ? v : undefined;
}
