/** `tekizai mobility figures --fy Y [--company C] [--json]`: the mobility figures of a fiscal year. */
import type { Command } from "commander";
import { emit, fail, jsonOption } from "../../cli/output";
import { openConfiguredDatabase } from "../../cli/runtime";
import type { Config } from "../../config";
import { AppError } from "../../shared/errors";
import { ZMobilityFiguresQuery } from "../../shared/matching-api";
import { SYSTEM_ACTOR } from "../access/actor";
import { listCompanies } from "../org/org.service";
import { mobilityFigures } from "./mobility-figures.service";
import { mobilityCommandGroup } from "./posting.commands";

const pct = (share: number | null) => (share === null ? "–" : `${(share * 100).toFixed(1)}%`);

export function registerMobilityFiguresCommand(program: Command, config: () => Config): void {
  mobilityCommandGroup(program)
    .command("figures")
    .description(
      "Mobility figures of a fiscal year: internal moves through postings (by kind), Select Job participants, people overseas by program, scouts sent and accepted, career reports submitted (share); per company (its own fiscal year) and in total.",
    )
    .requiredOption("--fy <year>", "the fiscal year (its first calendar year, e.g. 2025)")
    .option("--company <code>", "one company (default: every company)")
    .addOption(jsonOption())
    .action(async (options: { fy: string; company?: string; json?: boolean }) => {
      const json = options.json === true;
      try {
        const parsed = ZMobilityFiguresQuery.safeParse({ fy: options.fy });
        if (!parsed.success)
          throw AppError.validation([{ path: "--fy", message: parsed.error.issues[0]!.message }]);
        const { database } = await openConfiguredDatabase(config());
        try {
          let companyId: number | undefined;
          if (options.company !== undefined) {
            const company = (await listCompanies(database.db, SYSTEM_ACTOR)).find(
              (c) => c.code.toLowerCase() === options.company!.toLowerCase(),
            );
            if (!company)
              throw AppError.validation([
                { path: "--company", message: `no company has the code ${options.company}` },
              ]);
            companyId = company.id;
          }
          const result = await mobilityFigures(database.db, SYSTEM_ACTOR, {
            fy: parsed.data.fy,
            ...(companyId === undefined ? {} : { companyId }),
          });
          emit(json, result, () => {
            const t = result.total;
            return [
              `Mobility figures, fiscal year ${result.fiscalYear} (${result.companies.length} companies)`,
              `  internal moves through postings: ${t.internalMoves.total} (transfer ${t.internalMoves.transfer}, Select Job ${t.internalMoves.side_assignment}, overseas ${t.internalMoves.overseas}, project ${t.internalMoves.project})`,
              `  Select Job participants: ${t.selectJobParticipants}`,
              `  overseas by program: young talent ${t.overseasByProgram.young_talent}, mid-career ${t.overseasByProgram.mid_career}, other ${t.overseasByProgram.other}`,
              `  scouts: ${t.scouts.sent} sent, ${t.scouts.accepted} accepted, ${t.scouts.declined} declined`,
              `  career reports: ${t.careerReports.submitted} of ${t.careerReports.expected} submitted (${pct(t.careerReports.share)})`,
            ].join("\n");
          });
        } finally {
          await database.close();
        }
      } catch (error) {
        fail(json, error);
      }
    });
}
