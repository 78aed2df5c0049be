import "server-only";
import { cache } from "react";
import { orgTimeZone } from "@/lib/server/breaches/incident-core";

/** The organisation's zone, looked up once per request however many dates a page shows. */
export const requestTimeZone = cache(orgTimeZone);
