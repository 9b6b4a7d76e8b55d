import type { Db } from "../../db/client";
import { notifyUsers } from "../notifications/notify";
import { certificationRemindersDue } from "./certification-reminders.service";

const fullName = (name: {
  family: string;
  given: string;
  familyLatin: string | null;
  givenLatin: string | null;
}) => ({
  ja: `${name.family} ${name.given}`,
  en:
    name.familyLatin && name.givenLatin
      ? `${name.givenLatin} ${name.familyLatin}`
      : `${name.family} ${name.given}`,
});

/**
 * Delivers the certification reminders due on a day as notifications: one per reminder and recipient (the holder,
 * their manager, the company's HR), idempotent through the reminder's dedupe key — running it twice on a day, or
 * every day of a stage, notifies once per stage. Returns how many notifications were new.
 */
export async function deliverCertificationReminders(
  db: Db,
  options: { asOf?: string; leadDays?: readonly number[]; companyIds?: number[] } = {},
): Promise<{ asOf: string; reminders: number; delivered: number }> {
  const due = await certificationRemindersDue(db, options);
  let delivered = 0;
  for (const reminder of due.reminders) {
    const person = fullName(reminder.params.person);
    for (const recipient of reminder.recipients) {
      delivered += await notifyUsers(db, [recipient.userId], {
        kind: recipient.as === "holder" ? reminder.kind : `${reminder.kind}.other`,
        params: {
          certificationJa: reminder.params.certification.ja,
          certificationEn: reminder.params.certification.en,
          personJa: person.ja,
          personEn: person.en,
          expiresOn: reminder.params.expiresOn,
          daysLeft: reminder.params.daysLeft,
        },
        link: reminder.links[recipient.as],
        dedupeKey: reminder.dedupeKey,
      });
    }
  }
  return { asOf: due.asOf, reminders: due.reminders.length, delivered };
}
