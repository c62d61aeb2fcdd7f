import type { Command } from 'commander';
import { unmatchedPosts } from '../../server/modules/people/posts-unmatched';
import { fmt, positiveInt, withDatabase } from '../context';

/** `dtbd posts unmatched`: free-text posts still without a post code (ADR 043). */
export function registerPosts(program: Command): void {
  const posts = program.command('posts').description('Chức vụ (danh mục chức vụ) / posts');
  posts
    .command('unmatched')
    .description(
      'Ghi chú chức vụ chưa gắn được mã chức vụ, nhiều người nhất trước / free-text posts without a post code, most people first',
    )
    .option('--limit <n>', 'số dòng tối đa / most rows', '100')
    .action(async (opts: { limit?: string }) => {
      const limit = positiveInt('limit', opts.limit, 100, 1);
      await withDatabase(async ({ handle, where }) => {
        console.error(where);
        const rows = await unmatchedPosts(handle.db, limit);
        if (rows.length === 0) console.log('Mọi ghi chú chức vụ đều đã có mã / every post has a code.');
        for (const r of rows) console.log(`${fmt.format(r.people).padStart(8)}  ${r.post}`);
      });
    });
}
