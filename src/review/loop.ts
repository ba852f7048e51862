/** The 督办 loop's one entry for chat and the command line: a command (typed or clicked) to its use case, files to their request. */
import type { LoopCommand } from '../ask/loop-commands.js';
import { decide } from './decide.js';
import { attachEvidence, type FileMessage } from './evidence.js';
import type { ReviewDeps, ReviewOutcome } from './review-deps.js';
import { submit, type Requester } from './submit.js';

export interface Loop {
  /** A liaison's request or a reviewer's decision, from the person `who`. */
  command(command: LoopCommand, who: Requester): Promise<ReviewOutcome>;
  /** Files sent in a chat: evidence of a completion request, or null when they belong to none. */
  evidence(file: FileMessage): Promise<ReviewOutcome | null>;
}

/** Creates the loop over its dependencies. */
export function createLoop(deps: ReviewDeps): Loop {
  return {
    command: (command, who) => {
      if (command.kind === 'approve') return decide(deps, command.request, { approve: true }, { openId: who.openId });
      if (command.kind === 'reject') return decide(deps, command.request, { approve: false, reason: command.reason }, { openId: who.openId });
      return submit(deps, command, who);
    },
    evidence: (file) => attachEvidence(deps, file),
  };
}
