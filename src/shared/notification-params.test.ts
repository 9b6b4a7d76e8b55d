import { describe, expect, it } from "vitest";
import { localiseNotificationParams } from "./notification-params";

describe("localiseNotificationParams", () => {
  it("picks the reader's language of each Ja/En pair and keeps the rest", () => {
    const params = { certificationJa: "情報処理安全確保支援士", certificationEn: "RISS", daysLeft: 30 };
    expect(localiseNotificationParams(params, "ja")).toMatchObject({
      certification: "情報処理安全確保支援士",
      daysLeft: 30,
    });
    expect(localiseNotificationParams(params, "en")).toMatchObject({ certification: "RISS", daysLeft: 30 });
    expect(localiseNotificationParams({ Ja: "x" }, "ja")).toEqual({ Ja: "x" });
  });
});
