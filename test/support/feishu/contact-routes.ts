/** contact/v3 users batch_get_id on the loopback: a directory of emails and mobiles → open_ids. */
import type { FeishuRoute } from './server.js';

export interface ContactDirectory {
  emails?: Record<string, string>;
  mobiles?: Record<string, string>;
}

const LIMIT = 50;

/** The batch_get_id route: unknown accounts come back without `user_id`, as Feishu does. */
export function createContactRoutes(directory: ContactDirectory): FeishuRoute[] {
  return [
    {
      method: 'POST',
      path: '/open-apis/contact/v3/users/batch_get_id',
      handle: ({ body, query }) => {
        if (query.get('user_id_type') !== 'open_id') return { status: 400, body: { code: 40001, msg: 'this loopback only serves user_id_type=open_id' } };
        const emails: string[] = body?.emails ?? [];
        const mobiles: string[] = body?.mobiles ?? [];
        if (emails.length > LIMIT || mobiles.length > LIMIT) return { status: 400, body: { code: 40001, msg: 'at most 50 emails and 50 mobiles' } };
        const user_list = [
          ...emails.map((email) => ({ email, user_id: directory.emails?.[email] })),
          ...mobiles.map((mobile) => ({ mobile, user_id: directory.mobiles?.[mobile] })),
        ];
        return { body: { code: 0, msg: 'success', data: { user_list } } };
      },
    },
  ];
}
