import { onMounted, type Ref } from 'vue'

/**
 * Moves focus to an element when a screen appears (usually its <h1 tabindex="-1">), so a
 * screen-reader user hears where they are and keyboard users start from the top.
 */
export function useFocusOnMount(target: Readonly<Ref<HTMLElement | { focus(): void } | null>>) {
  onMounted(() => target.value?.focus())
}
