/** Liaison accounts (open_id, email or mobile) → open_ids, in batched contact/v3 batch_get_id calls, cached. */
import type { Logger } from '../log/logger.js';
import type { FeishuApi } from './feishu-api.js';

export interface AccountResolver {
  /** open_id per account; null when it cannot be resolved (the renderer writes a plain name). */
  resolve(accounts: string[]): Promise<Map<string, string | null>>;
}

interface BatchGetIdData {
  user_list?: { user_id?: string | null; email?: string | null; mobile?: string | null }[] | null;
}

const BATCH = 50;
const OPEN_ID = /^ou_[A-Za-z0-9]+$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const MOBILE = /^\+?[0-9][0-9 -]{5,}$/;

/** Normalises a mobile as Feishu expects: digits, `+` with a country code only outside mainland China (so the
 * sheet's "+86 138…" and the answer's "138…" name the same person). */
const normaliseMobile = (mobile: string) => mobile.replace(/[\s-]/g, '').replace(/^\+86(?=1\d{10}$)/, '');

/** Creates a resolver whose answers (found or not) are cached for the resolver's lifetime. */
export function createAccountResolver(api: FeishuApi, logger: Logger): AccountResolver {
  const cache = new Map<string, string | null>();

  const lookUp = async (emails: string[], mobiles: string[]) => {
    for (let i = 0; i < Math.max(emails.length, mobiles.length); i += BATCH) {
      const batchEmails = emails.slice(i, i + BATCH).map((e) => e.toLowerCase());
      const batchMobiles = mobiles.slice(i, i + BATCH).map(normaliseMobile);
      const data = await api.call<BatchGetIdData>({
        method: 'POST',
        url: '/open-apis/contact/v3/users/batch_get_id',
        params: { user_id_type: 'open_id' },
        // Both lists are optional: send only the ones with entries.
        data: { ...(batchEmails.length ? { emails: batchEmails } : {}), ...(batchMobiles.length ? { mobiles: batchMobiles } : {}) },
      });
      for (const user of data?.user_list ?? []) {
        if (!user.user_id) continue;
        if (user.email) cache.set(user.email.toLowerCase(), user.user_id);
        if (user.mobile) cache.set(normaliseMobile(user.mobile), user.user_id);
      }
      for (const key of [...batchEmails, ...batchMobiles]) if (!cache.has(key)) cache.set(key, null);
    }
  };

  const keyOf = (account: string) => (EMAIL.test(account) ? account.toLowerCase() : normaliseMobile(account));

  return {
    async resolve(accounts) {
      // One lookup per person even when the sheet spells an email in two cases.
      const wanted = new Map(accounts.map((a) => a.trim()).filter((a) => a && !OPEN_ID.test(a)).map((a) => [keyOf(a), a]));
      const missing = [...wanted].filter(([key]) => !cache.has(key)).map(([, account]) => account);
      const emails = missing.filter((a) => EMAIL.test(a));
      const mobiles = missing.filter((a) => !EMAIL.test(a) && MOBILE.test(a));
      try {
        if (emails.length || mobiles.length) await lookUp(emails, mobiles);
      } catch (error) {
        // Reminders still go out with plain names; nothing is cached, so the next run asks again.
        logger.error('liaison accounts could not be looked up (contact:user.id:readonly granted?)', { error });
      }
      const result = new Map<string, string | null>();
      for (const account of accounts) {
        const trimmed = account.trim();
        const openId = OPEN_ID.test(trimmed) ? trimmed : (cache.get(keyOf(trimmed)) ?? null);
        if (!openId) logger.warn('liaison account not resolved to a Feishu user; check 联络员账号 in the unit directory', { account: trimmed });
        result.set(account, openId);
      }
      return result;
    },
  };
}
