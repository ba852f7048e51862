/** Feishu error codes duban reacts to (IM, token, quota and credential codes), and what the office should do about each. */

/** Throttling and transient codes: retry with backoff. */
export const RETRYABLE_CODES = new Set([99991400, 230020, 11232, 11233, 1254290, 1254291, 1254607, 1255040]);

/**
 * The cached tenant token was rejected: evict it and retry once. 99991661 (no usable token in the request),
 * 99991663 / 99991664 (invalid), 99991677 (expired): a fresh token fixes each of them.
 */
export const TOKEN_CODES = new Set([99991661, 99991663, 99991664, 99991677]);

/** The free plan's monthly API quota is used up: stop calling. */
export const QUOTA_CODE = 99991403;

/** Credentials rejected by the token endpoint. */
export const CREDENTIAL_CODES = new Set([10003, 10014, 10015]);

const HINTS: Record<number, string> = {
  99991400: '飞书接口调用过于频繁，请稍后再试',
  99991403: '本月飞书开放平台接口调用次数已用完（免费版每月 1 万次），duban 已停止调用；请升级飞书版本或下月再试，也可改用群自定义机器人 webhook 发送',
  99991661: '飞书访问凭证缺失或格式不对，请检查 FEISHU_APP_ID / FEISHU_APP_SECRET',
  99991663: '飞书访问凭证已失效，请检查 FEISHU_APP_ID / FEISHU_APP_SECRET',
  99991664: '飞书访问凭证已失效，请检查 FEISHU_APP_ID / FEISHU_APP_SECRET',
  99991677: '飞书访问凭证已过期且重新获取后仍被拒绝，请检查 FEISHU_APP_ID / FEISHU_APP_SECRET',
  99991672: '应用缺少接口权限，请在飞书开放平台为应用开通所需权限并发布新版本（见 docs/feishu.md）',
  99991401: '服务器 IP 不在应用的 IP 白名单中，请在飞书开放平台“安全设置”中添加',
  10003: '飞书应用凭证有误，请检查 FEISHU_APP_ID / FEISHU_APP_SECRET',
  10014: '飞书应用密钥不正确，请检查 FEISHU_APP_SECRET',
  10015: '飞书应用密钥不正确，请检查 FEISHU_APP_SECRET',
  230001: '消息内容不合法，请把日志中的请求编号反馈给维护人员',
  230006: '应用未开启机器人能力，请在飞书开放平台“添加应用能力”中启用机器人',
  230011: '原消息已被撤回或删除，无法回复',
  230013: '接收人不在应用的可用范围内，请在飞书开放平台调整应用可用范围',
  230018: '群设置不允许机器人发言，请群主调整群设置',
  230020: '发送过于频繁，已自动重试仍未成功，请稍后再试',
  230022: '消息含敏感内容被拦截，请检查任务内容',
  230025: '消息过长，请减少卡片中的任务数量',
  230027: '应用缺少发送消息权限（im:message:send_as_bot），请开通后发布新版本',
  230034: '群 ID 不正确，请用 `duban chats` 查看机器人所在的群',
  230035: '机器人在该群被禁言或无发言权限，请群主调整',
  230099: '卡片内容不被飞书接受（可能是 @ 的人员不存在或卡片元素过多），请检查联络员账号',
  232009: '该群已解散，请在配置或单位名录中更换工作群',
  1310213: '应用没有该表格的权限，请在表格“…”菜单中添加文档应用并授予权限',
};

/** The Chinese hint for a code; `chat` names the chat for chat-specific codes. */
export function hintFor(code: number, chat?: string): string {
  if (code === 230002) return chat ? `机器人不在群 ${chat} 中，请先把机器人加入该群` : '机器人不在该群中，请先把机器人加入该群';
  if (code === 230034 && chat) return `群 ID ${chat} 不正确，请用 \`duban chats\` 查看机器人所在的群`;
  if (code === 232009 && chat) return `群 ${chat} 已解散，请在配置或单位名录中更换工作群`;
  return HINTS[code] ?? '飞书接口调用失败，请稍后重试；如持续失败请把日志中的错误码反馈给维护人员';
}

/** The hint for a request that never got an answer (network failure or timeout). */
export const NETWORK_HINT = '无法连接飞书开放平台（网络故障或超时），请检查服务器网络或 FEISHU_DOMAIN 设置';
