import { TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useRef, useState } from "react";
import { useT } from "../../i18n/locale";

/** The directory search: typing updates the URL after a 300 ms pause; a URL change (back, clear) updates the box. */
export function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const t = useT();
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text, 300);
  const latest = useRef({ value, onSearch });
  useEffect(() => {
    latest.current = { value, onSearch };
  });

  useEffect(() => {
    if (debounced !== latest.current.value) latest.current.onSearch(debounced);
  }, [debounced]);
  useEffect(() => {
    setText((current) => (current.trim() === value.trim() ? current : value));
  }, [value]);

  return (
    <TextInput
      label={t("people.search")}
      placeholder={t("people.searchPlaceholder")}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      type="search"
      data-testid="people-search"
      autoComplete="off"
    />
  );
}
