// Lint is also where the process boundaries live: each folder may import only what its
// process can run (see docs/architecture.md).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

const noElectron = {
  name: 'electron',
  message: 'Only electron/main and electron/preload may import Electron.'
}
const nodeBuiltins = {
  group: ['node:*'],
  message: 'The renderer runs in a browser sandbox: ask the core through the contract instead.'
}
const statusAtLoadOnlyInMain = {
  group: ['**/statusAtLoad', '**/statusAtLoad.ts'],
  message:
    'Only renderer/src/main.ts asks for the vault state as the page loads; ask through the session store.'
}
const rendererOnlyShared = {
  group: ['**/electron/main/**', '**/electron/core/**', '**/electron/preload/**'],
  message: 'The renderer may import only electron/shared (the contract).'
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
    rules: {
      'vue/block-lang': ['error', { script: { lang: 'ts' } }],
      'vue/no-v-html': 'error'
    }
  },
  {
    files: ['**/*.{ts,mts,mjs,vue}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error'
    }
  },
  {
    files: ['electron/**/*.ts', 'tests/**/*.ts', 'tools/**/*.ts', '*.config.{ts,mjs}'],
    languageOptions: { globals: { ...globals.node } }
  },
  {
    files: ['renderer/**/*.{ts,vue}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [nodeBuiltins, rendererOnlyShared, statusAtLoadOnlyInMain]
        }
      ]
    }
  },
  {
    // The entry sends the first question to the core as it loads (api/statusAtLoad.ts).
    files: ['renderer/src/main.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron], patterns: [nodeBuiltins, rendererOnlyShared] }
      ]
    }
  },
  {
    // A store says whether it holds vault data (definePersonalStore: emptied at every lock) or
    // not (defineAppStore), so a new store cannot be left out of what a lock clears.
    files: ['renderer/src/stores/**/*.ts'],
    ignores: ['renderer/src/stores/personalData.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            noElectron,
            {
              name: 'pinia',
              importNames: ['defineStore'],
              message:
                'Define a store with definePersonalStore or defineAppStore (stores/personalData.ts).'
            }
          ],
          patterns: [nodeBuiltins, rendererOnlyShared, statusAtLoadOnlyInMain]
        }
      ]
    }
  },
  {
    files: ['electron/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            nodeBuiltins,
            {
              group: ['**/main/**', '**/core/**', '**/preload/**'],
              message: 'The contract depends on nothing but zod.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              group: ['**/main/**', '**/preload/**', '**/renderer/**'],
              message:
                'The core is plain Node: it must not reach into the Electron shell or the UI.'
            }
          ]
        }
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='serialize']",
          message: 'serialize() returns the database as plaintext.'
        },
        {
          selector: "CallExpression[callee.property.name='backup']",
          message:
            'The online backup API fails on encrypted databases: use VACUUM INTO (backups.ts).'
        }
      ]
    }
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '**/core/**', '**/renderer/**', 'node:*'],
              message: 'The sandboxed preload may import only electron and the contract.'
            }
          ]
        }
      ]
    }
  },
  {
    // Modules of main that plain Node loads too: the loopback bridge serves files and asks pages
    // to save with them, and unit tests run them without Electron.
    files: [
      'electron/main/beforeClose.ts',
      'electron/main/rendererFiles.ts',
      'electron/main/trust.ts'
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message:
                'This module runs outside Electron too (tools/bridge, unit tests): take what you need as a parameter.'
            }
          ]
        }
      ]
    }
  },
  {
    // The classic script that starts the app on a page served already drawn: plain browser JS.
    files: ['renderer/public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } }
  },
  {
    // The loopback bridge's page script runs in the browser, in front of the app (server.ts bundles it).
    files: ['tools/bridge/page.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [nodeBuiltins] }]
    }
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='shell'][property.name='openExternal']",
          message: 'Open external links only through openExternalSafely() in externalLinks.ts.'
        }
      ]
    }
  },
  prettier
)
