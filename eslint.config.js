// The core must not know any platform SDK, Prisma or node-cron: dependencies point inward.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'src/storage/generated/**', 'data/**', 'scratch/**', '.scratch/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['@slack/*', 'discord.js', 'grammy', '@prisma/*', '**/generated/**', 'node-cron', 'pg', 'better-sqlite3', '**/storage/**', '**/adapters/**'], message: 'The core imports no SDK, database driver or adapter.' },
        ],
      }],
    },
  },
);
