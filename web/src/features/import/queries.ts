import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale } from "../../i18n/locale";
import { api, apiUpload } from "../../lib/api";
import {
  type ImportKind,
  type ImportResult,
  type ImportSummary,
  type MappingProfile,
  type SavedMapping,
  TERMINAL_STATUSES,
} from "./types";

export function useImportKinds() {
  return useQuery({
    queryKey: ["import-kinds"],
    queryFn: ({ signal }) => api<{ items: ImportKind[] }>("/api/import-kinds", { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useImportHistory(companyId: number | null) {
  // reports come back in the language of the screen, whoever started the import
  const [locale] = useLocale();
  return useQuery({
    queryKey: ["imports", companyId, locale],
    queryFn: ({ signal }) =>
      api<{ items: ImportSummary[] }>("/api/imports", { query: { companyId, limit: 100, locale }, signal }),
  });
}

/** One import, its errors in the language of the screen; polled every 500 ms while it runs. */
export function useImport(id: number | null) {
  const [locale] = useLocale();
  return useQuery({
    queryKey: ["import", id, locale],
    queryFn: ({ signal }) => api<ImportResult>(`/api/imports/${id}`, { query: { locale }, signal }),
    enabled: id !== null,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status && TERMINAL_STATUSES.includes(status) ? false : 500;
    },
  });
}

export interface StartImport {
  file: File;
  kind: string;
  companyId: number | null;
  mappingId: number | null;
  dryRun: boolean;
  acceptValidRows: boolean;
}

export function useStartImport() {
  const client = useQueryClient();
  // row errors and the report come back in the language of the screen
  const [locale] = useLocale();
  return useMutation({
    mutationFn: (input: StartImport) =>
      apiUpload<ImportResult>("/api/imports", input.file, {
        kind: input.kind,
        companyId: input.companyId,
        mappingId: input.mappingId,
        dryRun: input.dryRun,
        acceptValidRows: input.acceptValidRows,
        fileName: input.file.name,
        locale,
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["imports"] }),
  });
}

export function useCancelImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<ImportResult>(`/api/imports/${id}/cancel`, { method: "POST" }),
    // a prefix: the import in every language it was read in
    onSuccess: (_data, id) => void client.invalidateQueries({ queryKey: ["import", id] }),
  });
}

export function useMappings(companyId: number | null) {
  return useQuery({
    queryKey: ["import-mappings", companyId],
    queryFn: ({ signal }) =>
      api<{ items: SavedMapping[] }>("/api/import-mappings", { query: { companyId }, signal }),
    enabled: companyId !== null,
  });
}

export function useSaveMapping() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: number | null; companyId: number; definition: MappingProfile }) =>
      input.id === null
        ? api<SavedMapping>("/api/import-mappings", {
            method: "POST",
            body: { companyId: input.companyId, definition: input.definition },
          })
        : api<SavedMapping>(`/api/import-mappings/${input.id}`, {
            method: "PUT",
            body: { definition: input.definition },
          }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["import-mappings"] }),
  });
}

export function useDeleteMapping() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<undefined>(`/api/import-mappings/${id}`, { method: "DELETE" }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["import-mappings"] }),
  });
}
