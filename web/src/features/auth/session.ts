import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Me } from "../../../../src/shared/api";
import type { Locale } from "../../../../src/shared/enums";
import { api, isApiError } from "../../lib/api";

export const ME_KEY = ["me"] as const;

interface Health {
  status: "ok" | "degraded";
  demo: boolean;
  version: string;
}

/** The signed-in user, or null when signed out (GET /api/me answers 401). */
export function useMe() {
  return useQuery<Me | null>({
    queryKey: ME_KEY,
    queryFn: async ({ signal }) => {
      try {
        return await api<Me>("/api/me", { signal });
      } catch (error) {
        if (isApiError(error) && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

export function useHealth() {
  return useQuery<Health>({
    queryKey: ["health"],
    queryFn: ({ signal }) => api<Health>("/api/health", { signal }),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      api<{ user: Me }>("/api/auth/login", { method: "POST", body }),
    onSuccess: ({ user }) => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] && q.queryKey[0] !== "health" });
      client.setQueryData(ME_KEY, user);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<unknown>("/api/auth/logout", { method: "POST" }),
    onSettled: () => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] && q.queryKey[0] !== "health" });
      client.setQueryData(ME_KEY, null);
    },
  });
}

/** Saves the UI language on the user (PATCH /api/me). */
export function useSaveLocale() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) => api<Me>("/api/me", { method: "PATCH", body: { locale } }),
    onSuccess: (me) => {
      if (me && typeof me === "object" && "id" in me) client.setQueryData(ME_KEY, me);
    },
  });
}

export function hasRole(me: Me, ...roles: Me["roles"][number]["role"][]): boolean {
  return me.roles.some((r) => roles.includes(r.role));
}
