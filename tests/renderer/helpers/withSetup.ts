import { mount, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h, type Plugin, type VNodeChild } from 'vue'

function mountSetup(
  setup: () => () => VNodeChild,
  onPage: boolean,
  plugins: Plugin[] = []
): VueWrapper {
  return mount(defineComponent({ setup }), {
    ...(onPage ? { attachTo: document.body } : {}),
    global: { plugins }
  })
}

/**
 * Runs a composable inside a real mounted component, so its lifecycle hooks (onBeforeUnmount)
 * run as they do on screen. Unmount the wrapper to take the form away.
 */
export function withSetup<T>(composable: () => T): { result: T; wrapper: VueWrapper } {
  let result: T | undefined
  const wrapper = mountSetup(() => {
    result = composable()
    return () => h('form')
  }, false)
  return { result: result as T, wrapper }
}

/**
 * Mounts a component whose `setup` returns its render function, in the page (attached to
 * document.body), so where focus lands can be checked as a keyboard user would meet it.
 */
export function mountOnPage(setup: () => () => VNodeChild, plugins: Plugin[] = []): VueWrapper {
  return mountSetup(setup, true, plugins)
}
