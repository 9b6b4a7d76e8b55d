import { MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { BrowserRouter } from "react-router";
import { LocaleProvider } from "../i18n/locale";
import { LocaleSync } from "./LocaleSync";
import { createQueryClient } from "./queryClient";
import { theme } from "./theme";

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <QueryClientProvider client={client}>
        <LocaleProvider>
          <LocaleSync />
          <BrowserRouter>{children}</BrowserRouter>
        </LocaleProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
