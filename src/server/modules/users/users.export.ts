/** "Xuất Excel" of the users list (admin): the same filters and subtree as `GET /users`. */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { ROLE_LABELS } from '../../../contracts/roles';
import { type User, UsersQuery } from '../../../contracts/users';
import { exportRoute, pagesOf, vietnamTime, withoutPaging } from '../../lib/list-export';
import type { ModuleDeps } from '../../module-deps';
import type { createUsersService } from './users.service';

export function usersExport(
  app: FastifyInstance,
  deps: ModuleDeps,
  service: ReturnType<typeof createUsersService>,
) {
  exportRoute(app, deps, {
    path: '/users/export.xlsx',
    summary: 'The users of my subtree with the current filters as .xlsx (admin)',
    tags: ['users'],
    querystring: withoutPaging(UsersQuery),
    name: ['Danh sách tài khoản', 'Users'],
    columns: [
      { label: ['Tên đăng nhập', 'Username'], value: (u: z.infer<typeof User>) => u.username, width: 20 },
      { label: ['Họ và tên', 'Display name'], value: (u) => u.displayName, width: 28 },
      { label: ['Vai trò', 'Role'], value: (u, lang) => ROLE_LABELS[u.role][lang], width: 24 },
      { label: ['Phạm vi', 'Scope'], value: (u) => u.scopeUnitName, width: 28 },
      { label: ['Ngôn ngữ', 'Language'], value: (u) => (u.locale === 'en' ? 'English' : 'Tiếng Việt') },
      {
        label: ['Tình trạng', 'State'],
        value: (u, lang) =>
          u.active ? (lang === 'vi' ? 'Đang hoạt động' : 'Active') : lang === 'vi' ? 'Đã khóa' : 'Locked',
      },
      { label: ['Ngày tạo', 'Created'], value: (u) => vietnamTime(u.createdAt), kind: 'datetime', width: 16 },
    ],
    rows: (actor, query) => pagesOf((page, pageSize) => service.list(actor, { ...query, page, pageSize })),
  });
}
