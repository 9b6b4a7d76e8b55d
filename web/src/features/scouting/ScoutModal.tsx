/** The recruiter's "send a scout" dialog: a posting of their companies and a message. */
import { Button, Modal, Select, Stack, Textarea } from "@mantine/core";
import { useState } from "react";
import type { MatchPerson } from "../../../../src/shared/matching-api";
import { ErrorState } from "../../components/ErrorState";
import { useLocale, useT } from "../../i18n/locale";
import { displayName, localized } from "../../lib/names";
import { useScoutCounts, useSendScout } from "./queries";

export function ScoutModal({
  person,
  postingId,
  onClose,
  onSent,
}: {
  onSent?: () => void;
  person: MatchPerson | null;
  /** Fixed posting (from the candidates page); otherwise the recruiter picks one. */
  postingId?: number;
  onClose: () => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const postings = useScoutCounts(person !== null && postingId === undefined);
  const send = useSendScout();
  const [chosen, setChosen] = useState<string | null>(postingId ? String(postingId) : null);
  const [message, setMessage] = useState("");
  const open = (postings.data?.postings ?? []).filter((p) => p.posting.status === "open");
  return (
    <Modal
      opened={person !== null}
      onClose={onClose}
      title={person ? t("scouting.scoutTitle", { name: displayName(person.name, locale) }) : ""}
      fullScreen={false}
    >
      <Stack>
        {postingId === undefined && (
          <Select
            label={t("scouting.posting")}
            data={open.map((p) => ({
              value: String(p.posting.id),
              label: localized(p.posting.title, locale),
            }))}
            value={chosen}
            onChange={setChosen}
            searchable
            data-testid="scout-posting"
          />
        )}
        <Textarea
          label={t("scouting.message")}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
          autosize
          minRows={3}
          data-testid="scout-message"
        />
        {send.error && <ErrorState error={send.error} />}
        <Button
          disabled={!chosen || message.trim() === "" || !person}
          loading={send.isPending}
          data-testid="scout-send"
          onClick={() =>
            send.mutate(
              { postingId: Number(chosen), personId: person!.id, message },
              {
                onSuccess: () => {
                  onSent?.();
                  setMessage("");
                  onClose();
                },
              },
            )
          }
        >
          {t("scouting.send")}
        </Button>
      </Stack>
    </Modal>
  );
}
