import { useMediaQuery } from "@mantine/hooks";

/** Phone-sized screens (below Mantine's `sm` breakpoint, 48em), known on the first render. */
export function useNarrow(query = "(max-width: 48em)"): boolean {
  return useMediaQuery(query, undefined, { getInitialValueInEffect: false });
}
