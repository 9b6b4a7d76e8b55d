import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ME_KEY } from "../features/auth/session";
import { isApiError } from "../lib/api";

/**
 * One client for the app. A 401 from any call means the session is gone: the cached user becomes null and
 * the auth guard (app/RequireAuth) sends the browser to /login.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (isApiError(error) && error.status === 401 && error.code !== "INVALID_CREDENTIALS") {
      client.setQueryData(ME_KEY, null);
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(isApiError(error) && error.status > 0 && error.status < 500) && count < 2,
      },
    },
  });
  return client;
}
