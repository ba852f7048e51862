/**
 * Sheets and bases kept in a Feishu wiki (知识库): the wiki node token is resolved to the document's own token
 * (wiki get_node, one request, once per source), then the ordinary Feishu Sheets or Bitable source takes over.
 */
import type { FeishuApi } from '../feishu/feishu-api.js';
import { explainFeishuError } from './feishu-errors.js';
import { SourceError } from './source-error.js';

/** What a wiki node holds. */
export interface WikiNode {
  objType: string;
  objToken: string;
  title: string;
}

/** Resolves a wiki node token to its document (needs the wiki:wiki:readonly scope). */
export async function resolveWikiNode(api: FeishuApi, nodeToken: string): Promise<WikiNode> {
  try {
    const data = await api.call<{ node?: { obj_type?: string; obj_token?: string; title?: string } }>({
      method: 'GET',
      url: '/open-apis/wiki/v2/spaces/get_node',
      params: { token: nodeToken, obj_type: 'wiki' },
    });
    if (!data.node?.obj_token || !data.node.obj_type) throw new SourceError(`知识库节点 ${nodeToken} 没有返回文档信息。`);
    return { objType: data.node.obj_type, objToken: data.node.obj_token, title: data.node.title ?? '' };
  } catch (error) {
    throw explainFeishuError(error, `知识库页面 ${nodeToken}`, 'wiki:wiki:readonly');
  }
}
