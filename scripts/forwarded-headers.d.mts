export const PEER_HEADER: "x-peer-address";
export function sanitiseForwardedHeaders<H extends Record<string, string | string[] | undefined>>(headers: H, remoteAddress: string | undefined, trustProxy: boolean): H;
