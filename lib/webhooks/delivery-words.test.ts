import { describe, expect, it } from "vitest";
import { deliveryResponseInWords } from "./delivery-words";

describe("a webhook delivery's last response, in words", () => {
  it("says an unreachable endpoint got no answer, what to check, and that it retries", () => {
    const text = deliveryResponseInWords({ status: "pending", attempts: 1, lastStatusCode: null, lastError: "delivery failed" });
    expect(text).toMatch(/^No answer from your endpoint: .*Check the URL and that the receiver is running\. It is tried again/);
    expect(text).not.toContain("delivery failed");
  });

  it("explains the receiver's HTTP status instead of printing it bare", () => {
    expect(deliveryResponseInWords({ status: "pending", attempts: 2, lastStatusCode: 401, lastError: "HTTP 401" })).toMatch(/^Your endpoint refused it \(HTTP 401\): check that it verifies the signature/);
    expect(deliveryResponseInWords({ status: "pending", attempts: 2, lastStatusCode: 503, lastError: "HTTP 503" })).toMatch(/failed on its side \(HTTP 503\)/);
    expect(deliveryResponseInWords({ status: "failed", attempts: 8, lastStatusCode: 404, lastError: "HTTP 404" })).toMatch(/check the URL's path\. Given up after 8 attempts; once it is fixed, send a test event/);
  });

  it("words delivered, cancelled and not yet sent", () => {
    expect(deliveryResponseInWords({ status: "delivered", attempts: 1, lastStatusCode: 200, lastError: null })).toBe("Accepted (HTTP 200).");
    expect(deliveryResponseInWords({ status: "cancelled", attempts: 0, lastStatusCode: null, lastError: null })).toBe("Not sent: the endpoint was removed.");
    expect(deliveryResponseInWords({ status: "pending", attempts: 0, lastStatusCode: null, lastError: null })).toBe("Not sent yet.");
  });
});
