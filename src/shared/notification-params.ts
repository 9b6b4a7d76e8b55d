/**
 * Notification parameters are stored once for every reader. A text that exists in both languages is stored as a
 * pair `<name>Ja` / `<name>En`; rendering (the bell, the e-mail) picks the reader's language as `<name>`.
 */
export function localiseNotificationParams(
  params: Record<string, unknown>,
  locale: "en" | "ja",
): Record<string, unknown> {
  const localised: Record<string, unknown> = { ...params };
  for (const [key, value] of Object.entries(params)) {
    const pair = /^(.+)(Ja|En)$/.exec(key);
    if (!pair) continue;
    const [, name, language] = pair as unknown as [string, string, "Ja" | "En"];
    if ((language === "Ja") === (locale === "ja")) localised[name] = value;
  }
  return localised;
}
