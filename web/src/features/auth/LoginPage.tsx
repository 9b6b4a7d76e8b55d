import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { LangSwitch } from "../../components/LangSwitch";
import { errorMessage, fieldMessage } from "../../i18n/errors";
import { useT } from "../../i18n/locale";
import { isApiError } from "../../lib/api";
import { usePageTitle } from "../../lib/usePageTitle";
import { DemoLogins } from "./DemoLogins";
import { useHealth, useLogin, useMe } from "./session";

function redirectTarget(state: unknown): string {
  if (typeof state === "object" && state !== null && "from" in state) {
    const from = (state as { from: unknown }).from;
    if (typeof from === "string" && from.startsWith("/") && !from.startsWith("/login")) return from;
  }
  return "/";
}

export function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const { data: me } = useMe();
  const health = useHealth();
  const login = useLogin();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  usePageTitle(t("login.title"));

  if (me && !login.isPending) return <Navigate to={redirectTarget(location.state)} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(
      { email, password },
      { onSuccess: () => navigate(redirectTarget(location.state), { replace: true }) },
    );
  };
  const error = login.error;
  const fieldError = (path: string) =>
    isApiError(error) ? fieldMessage(t, error.fieldMessage(path)) : undefined;

  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="space-between" px="md" py="sm">
        <Text fw={700} size="lg" c="indigo.8">
          {t("app.name")}
        </Text>
        <LangSwitch />
      </Group>
      <Center px="md" py={{ base: "md", sm: 60 }}>
        <Stack w="100%" maw={420} gap="lg">
          <Paper withBorder shadow="sm" p={{ base: "lg", sm: "xl" }}>
            <form onSubmit={submit} noValidate>
              <Stack gap="md">
                <div>
                  <Title order={2}>{t("login.title")}</Title>
                  <Text c="dimmed" size="sm" mt={4}>
                    {t("login.subtitle")}
                  </Text>
                </div>
                {error && (
                  <Alert color="red" variant="light" role="alert" data-testid="login-error">
                    {errorMessage(t, error)}
                  </Alert>
                )}
                <TextInput
                  label={t("login.email")}
                  type="email"
                  autoComplete="username"
                  value={email}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                  error={fieldError("email")}
                  data-testid="login-email"
                  required
                />
                <PasswordInput
                  label={t("login.password")}
                  autoComplete="current-password"
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={fieldError("password")}
                  data-testid="login-password"
                  required
                />
                <Button type="submit" loading={login.isPending} data-testid="login-submit" fullWidth>
                  {t("login.submit")}
                </Button>
              </Stack>
            </form>
          </Paper>
          {health.data?.demo && (
            <DemoLogins
              onPick={(demoEmail, demoPassword) => {
                setEmail(demoEmail);
                setPassword(demoPassword);
                login.reset();
              }}
            />
          )}
        </Stack>
      </Center>
    </Box>
  );
}
