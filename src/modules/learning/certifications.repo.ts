import { asc, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { certifications, personCertifications } from "./learning.schema";

export async function findCertification(db: Db, id: number) {
  const [row] = await db.select().from(certifications).where(eq(certifications.id, id));
  return row;
}

export async function insertPersonCertification(
  db: Db,
  row: typeof personCertifications.$inferInsert,
): Promise<number> {
  const [created] = await db
    .insert(personCertifications)
    .values(row)
    .returning({ id: personCertifications.id });
  return created!.id;
}

export function certificationsHeld(db: Db, personId: number) {
  return db
    .select({
      id: personCertifications.id,
      certificationId: certifications.id,
      code: certifications.code,
      nameJa: certifications.nameJa,
      nameEn: certifications.nameEn,
      issuer: certifications.issuer,
      validityMonths: certifications.validityMonths,
      obtainedOn: personCertifications.obtainedOn,
      expiresOn: personCertifications.expiresOn,
    })
    .from(personCertifications)
    .innerJoin(certifications, eq(certifications.id, personCertifications.certificationId))
    .where(eq(personCertifications.personId, personId))
    .orderBy(desc(personCertifications.obtainedOn), asc(personCertifications.id));
}
