import { mount, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h } from 'vue'

/**
 * Runs a composable inside a real mounted component, so its lifecycle hooks (onBeforeUnmount)
 * run as they do on screen. Unmount the wrapper to take the form away.
 */
export function withSetup<T>(composable: () => T): { result: T; wrapper: VueWrapper } {
  let result: T | undefined
  const wrapper = mount(
    defineComponent({
      setup() {
        result = composable()
        return () => h('form')
      }
    })
  )
  return { result: result as T, wrapper }
}
