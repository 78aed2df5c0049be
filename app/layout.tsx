import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ToastProvider } from "@/components/ui/toast";
import { themeChoice } from "./theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Compliance & Oversight", template: "%s · Compliance & Oversight" },
  description: "Self-hosted compliance and AI oversight dashboard",
  robots: { index: false, follow: false },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = await themeChoice();
  return (
    <html lang="en" {...(theme ? { "data-theme": theme } : {})}>
      <body className="min-h-screen">
        <ToastProvider>{children}</ToastProvider>
      </body>
    </html>
  );
}
