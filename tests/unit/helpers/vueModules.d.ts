// Unit tests that render a renderer component import its .vue file; Vitest compiles it.
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent
  export default component
}
