// ESLint with typescript-eslint's type-aware strict rules. Every rule that is
// off or tuned says why; `npm run lint` runs it and .ci/run fails on a problem.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'coverage/', 'node_modules/', 'bench/.data/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // The tsconfig has noUncheckedIndexedAccess: every `array[i]` is `T | undefined`.
      // Where a loop bound or a preceding check proves the element exists, `!`
      // states that; a runtime check on the scanner's hot paths would cost speed
      // and hide nothing.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Numbers and booleans read naturally in messages ("3 files", "shallow: true").
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // `(x) => void set.add(x)` style is noise; an arrow's shorthand body returning void is clear.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // TypeScript types a RegExp's named groups as strings (a group that did not
      // take part is undefined at run time) and cannot see variables set inside
      // closures; this rule then asks to delete guards that are right.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests read the CLI's JSON output with JSON.parse (typed `any`) and assert
      // on its shape: the assertions are the type check there.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Stand-ins implement async interfaces (a sleep, a request) with bodies that need no await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Scripts and benches are plain JavaScript run by Node: no type information, Node's globals.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
);
