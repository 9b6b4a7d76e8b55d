import { useEffect } from "react";

/** Sets the browser tab's title: "People · Tekizai 適材適所". */
export function usePageTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Tekizai 適材適所` : "Tekizai 適材適所";
  }, [title]);
}
