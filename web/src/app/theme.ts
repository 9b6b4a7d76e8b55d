import { createTheme } from "@mantine/core";

const sans =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans CJK JP", "Noto Sans JP", Meiryo, sans-serif';

export const theme = createTheme({
  primaryColor: "indigo",
  defaultRadius: "md",
  fontFamily: sans,
  headings: {
    fontFamily: sans,
    fontWeight: "650",
    // Page titles shrink a little on phones.
    sizes: { h2: { fontSize: "clamp(1.3rem, 1rem + 1.6vw, 1.625rem)", lineHeight: "1.3" } },
  },
  components: {
    Card: { defaultProps: { withBorder: true, radius: "md", padding: "lg" } },
    Paper: { defaultProps: { radius: "md" } },
    Badge: { defaultProps: { tt: "none" } },
  },
});
