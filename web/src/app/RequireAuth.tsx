import { Center, Loader } from "@mantine/core";
import { createContext, useContext, useEffect, useRef } from "react";
import { Navigate, Outlet, useLocation } from "react-router";
import type { Me } from "../../../src/shared/api";
import { ErrorState } from "../components/ErrorState";
import { useMe } from "../features/auth/session";

const MeContext = createContext<Me | null>(null);

/** The signed-in user; only inside the routes guarded by RequireAuth. */
export function useCurrentUser(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error("useCurrentUser outside RequireAuth");
  return me;
}

/** Renders the signed-in part of the app, or sends the browser to /login. */
export function RequireAuth() {
  const location = useLocation();
  const { data: me, isPending, error, refetch } = useMe();
  // After a sign-out (or an expired session) the next sign-in starts at home, not on the last user's page.
  const hadSession = useRef(false);
  useEffect(() => {
    if (me) hadSession.current = true;
  }, [me]);
  if (isPending) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (error) {
    return (
      <Center h="100vh" p="md">
        <ErrorState error={error} onRetry={() => void refetch()} />
      </Center>
    );
  }
  if (!me) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={hadSession.current ? null : { from }} />;
  }
  return (
    <MeContext.Provider value={me}>
      <Outlet />
    </MeContext.Provider>
  );
}
