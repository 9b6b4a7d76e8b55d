/**
 * HR: change a rotation plan's name, effective date and note while it is a draft or approved. A new date returns
 * an approved plan to draft (the server withdraws the approval) and must suit every move; the server names the
 * move that would not hold.
 */
import { Alert, Button, Card, Group, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import type { RotationPlan, UpdateRotationPlanRequest } from "../../../../src/shared/matching-api";
import { ErrorState } from "../../components/ErrorState";
import { fieldMessage } from "../../i18n/errors";
import { useT } from "../../i18n/locale";
import { isApiError } from "../../lib/api";
import { useUpdatePlan } from "./queries";

export function EditPlanForm({ plan, onDone }: { plan: RotationPlan; onDone: () => void }) {
  const t = useT();
  const update = useUpdatePlan(plan.id);
  const [name, setName] = useState(plan.name);
  const [effectiveOn, setEffectiveOn] = useState(plan.effectiveOn);
  const [note, setNote] = useState(plan.note ?? "");
  const error = update.error;
  /** Every server message for the field (a new date may fail for several moves), in the UI language if known. */
  const messages = (path: string) => {
    if (!isApiError(error)) return undefined;
    const found = error.fields.filter((f) => f.path === path).map((f) => fieldMessage(t, f.message));
    return found.length ? found.join(" · ") : undefined;
  };
  const fieldsShown =
    isApiError(error) && error.fields.some((f) => ["name", "effectiveOn", "note"].includes(f.path));
  const save = () => {
    const body: UpdateRotationPlanRequest = {};
    if (name !== plan.name) body.name = name;
    if (effectiveOn !== plan.effectiveOn) body.effectiveOn = effectiveOn;
    const trimmed = note.trim();
    if (trimmed !== (plan.note ?? "")) body.note = trimmed === "" ? null : trimmed;
    if (Object.keys(body).length === 0) {
      onDone();
      return;
    }
    update.mutate(body, { onSuccess: onDone });
  };
  const redating = plan.status === "approved" && effectiveOn !== plan.effectiveOn;
  return (
    <Card padding="sm" data-testid="plan-edit-form">
      <Stack gap="xs">
        <Text fw={600}>{t("rotation.edit.title")}</Text>
        <Group align="flex-start" wrap="wrap" gap="xs">
          <TextInput
            label={t("rotation.name")}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={messages("name")}
            style={{ flex: "1 1 240px" }}
            data-testid="plan-edit-name"
          />
          <TextInput
            label={t("rotation.effectiveOn")}
            placeholder="YYYY-MM-DD"
            value={effectiveOn}
            onChange={(e) => setEffectiveOn(e.currentTarget.value)}
            error={messages("effectiveOn")}
            style={{ flex: "0 1 180px" }}
            data-testid="plan-edit-date"
          />
        </Group>
        <Textarea
          label={t("rotation.note")}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={messages("note")}
          autosize
          minRows={2}
          data-testid="plan-edit-note"
        />
        {plan.status === "approved" && (
          <Alert color={redating ? "orange" : "gray"} variant="light" data-testid="plan-edit-redate-hint">
            {t("rotation.edit.redateHint")}
          </Alert>
        )}
        {error && !fieldsShown && <ErrorState error={error} />}
        <Group gap="xs">
          <Button
            onClick={save}
            loading={update.isPending}
            disabled={!name.trim() || !effectiveOn}
            data-testid="plan-edit-save"
          >
            {t("rotation.edit.save")}
          </Button>
          <Button variant="default" onClick={onDone} data-testid="plan-edit-cancel">
            {t("rotation.edit.cancel")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
