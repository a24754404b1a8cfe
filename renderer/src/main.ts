import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { setLocale } from './i18n/index.ts'
import { router } from './router.ts'
import './styles/global.css'

setLocale('en')

createApp(App).use(createPinia()).use(router).mount('#app')
