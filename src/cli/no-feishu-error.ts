/** `--send` with no Feishu app and no group webhook configured: nothing can be sent (exit code 4). */

export class NoFeishuError extends Error {
  override readonly name = 'NoFeishuError';
  constructor() {
    super('没有配置飞书，无法发送：请设置环境变量 FEISHU_APP_ID 和 FEISHU_APP_SECRET（或配置 feishu.appId / feishu.appSecret，或群机器人 feishu.webhooks）；去掉 --send 可在终端查看内容。');
  }
}
