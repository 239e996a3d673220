import { AppError, detailsOf } from '../../shared/contract';
import type { LaunchPreview, LaunchProblem, LaunchSource, TaskRecord, UnknownReason } from '../../shared/contract/launch';
import type { PresetDraft } from '../../shared/contract/presets';
import { type StartStreamIngestBody, startStreamIngestRequest } from '../../shared/trtc/requests';
import { costGuards, redactBody, startBody, type Tickets, tccliCommand } from '../../shared/trtc/start-request';
import type { EventBus } from '../app/event-bus';
import type { LaunchConfirmations, LaunchPorts, PresetSource, TaskOutcome } from './launch-ports';
import type { TaskRegistry } from './task-registry';

export interface LaunchServiceDeps {
  presets: PresetSource;
  registry: TaskRegistry;
  ports: LaunchPorts;
  events: EventBus;
}

/** A launch resolved from its source: the fields, the media URL and where pasted tickets come from. */
interface Plan {
  draft: PresetDraft;
  presetId: string | null;
  streamUrl: string | null;
  problems: LaunchProblem[];
  pasted: { userSig?: string | null; privateMapKey?: string | null };
  retryOf?: string;
}

// Stand-ins that pass the ticket rules, so a preview is validated exactly like the real body.
const placeholderTickets = { userSig: 'placeholder', privateMapKey: 'placeholder' };

/**
 * From a preset (or a one-off draft) to a StartStreamIngest: validate with the request schema for the
 * account's site, get tickets just in time, write the task as pending, send, then settle it as
 * started, failed or unknown. Nothing here retries a Start: a retry is always the user's decision.
 */
export class LaunchService {
  readonly #deps: LaunchServiceDeps;

  constructor(deps: LaunchServiceDeps) {
    this.#deps = deps;
  }

  tasks(): TaskRecord[] {
    return this.#deps.registry.list();
  }

  async preview(source: LaunchSource): Promise<LaunchPreview> {
    const plan = await this.#plan(source);
    const { site, sandbox } = await this.#deps.ports.appSite(plan.draft.sdkAppId);
    const tickets = this.#ticketStandIns(plan);
    const body = startBody(plan.draft, plan.streamUrl ?? '', tickets);
    const problems = [...plan.problems, ...(await this.#ticketProblems(plan)), ...requestProblems(site, plan.draft.region, body, plan)];
    const shown = redactBody(body);
    return {
      region: plan.draft.region,
      body: shown,
      command: tccliCommand(plan.draft.region, shown),
      guards: costGuards(plan.draft),
      problems,
      sandbox,
    };
  }

  start(source: LaunchSource, confirmed: LaunchConfirmations = {}): Promise<TaskRecord> {
    return this.#plan(source).then((plan) => this.#launch(plan, confirmed));
  }

  async isLive(sdkAppId: number): Promise<boolean> {
    return !(await this.#deps.ports.appSite(sdkAppId)).sandbox;
  }

  /** Launch again what a failed or unknown record launched; an unknown one needs the user's explicit yes. */
  async retry(recordId: string, confirmed: LaunchConfirmations & { confirmPossibleDuplicate?: boolean } = {}): Promise<TaskRecord> {
    const record = this.#deps.registry.get(recordId);
    if (record.state === 'pending' || record.state === 'started') {
      throw new AppError('CONFLICT', 'Only a failed or unknown launch can be retried.', { state: record.state });
    }
    if (record.state === 'unknown' && confirmed.confirmPossibleDuplicate !== true) {
      throw new AppError('CONFLICT', 'The first Start may have created a task: confirm that a second one is wanted.', {
        guard: 'possibleDuplicate',
      });
    }
    const pasted: Plan['pasted'] = {};
    if (record.presetId !== null) {
      // Pasted tickets come from the preset's keychain entries, if it still has them.
      for (const kind of ['userSig', 'privateMapKey'] as const) {
        if (record.tickets[kind] === 'paste') pasted[kind] = await this.#pastedOf(record.presetId, kind);
      }
    }
    const plan = await this.#planDraft(record.launch, record.presetId, pasted);
    return this.#launch({ ...plan, retryOf: record.id }, confirmed);
  }

  async #launch(plan: Plan, confirmed: LaunchConfirmations): Promise<TaskRecord> {
    const { draft } = plan;
    const { site, sandbox } = await this.#deps.ports.appSite(draft.sdkAppId);
    const early = [...plan.problems, ...(await this.#ticketProblems(plan))];
    const standIn = startBody(draft, plan.streamUrl ?? '', this.#ticketStandIns(plan));
    const problems = [...early, ...requestProblems(site, draft.region, standIn, plan)];
    if (problems.length > 0 || plan.streamUrl === null) throw invalid(problems);
    // Checked here, not only in the page: any caller of the contract could otherwise start a billed task.
    if (!sandbox && confirmed.confirmLive !== true) throw liveUnconfirmed();
    if (costGuards(draft).unboundedLoop && confirmed.confirmUnboundedLoop !== true) {
      throw new AppError('CONFLICT', 'RepeatNum -1 without MaxDuration loops and bills until stopped: confirm it.', {
        guard: 'unboundedLoop',
      });
    }

    const tickets = await this.#tickets(plan);
    const body = startBody(draft, plan.streamUrl, tickets);
    // The authoritative check, on the very body that leaves.
    const final = requestProblems(site, draft.region, body, plan);
    if (final.length > 0) throw invalid(final);

    const client = await this.#deps.ports.connect(draft.sdkAppId, draft.region);
    try {
      // The client that sends has the last word: the app may have moved to a live account since appSite.
      if (!client.sandbox && confirmed.confirmLive !== true) throw liveUnconfirmed();
      const pending = await this.#deps.registry.addPending({
        presetId: plan.presetId,
        presetName: draft.name,
        sdkAppId: draft.sdkAppId,
        region: draft.region,
        site,
        roomIdType: draft.roomIdType,
        roomId: draft.roomId,
        userId: draft.userId,
        streamUrl: plan.streamUrl,
        request: redactBody(body),
        profileId: client.profileId,
        sandbox: client.sandbox,
        tickets: { userSig: draft.userSig.mode, privateMapKey: draft.privateMapKey.mode },
        launch: draft,
        ...(plan.retryOf ? { retryOf: plan.retryOf } : {}),
      });
      this.#deps.events.emit('launch.taskChanged', pending);

      let outcome: TaskOutcome;
      try {
        const started = await client.startStreamIngest(body, 'launch');
        outcome = { state: 'started', taskId: started.taskId, requestId: started.requestId };
      } catch (error) {
        outcome = outcomeOfFailure(error);
      }
      const settled = await this.#deps.registry.settle(pending.id, outcome).catch((error: unknown) => {
        throw unsavedOutcome(error, outcome);
      });
      this.#deps.events.emit('launch.taskChanged', settled);
      if (settled.state === 'started')
        this.#deps.ports.mediaUsed?.({ ...(draft.media.kind === 'library' ? { entryId: draft.media.entryId } : {}), url: plan.streamUrl });
      return settled;
    } finally {
      client.close?.();
    }
  }

  async #plan(source: LaunchSource): Promise<Plan> {
    if (source.kind === 'draft') return this.#planDraft(source.draft, null, source.secrets ?? {});
    const preset = this.#deps.presets.get(source.presetId);
    const { id, order: _order, createdAt: _created, updatedAt: _updated, ...draft } = preset;
    const pasted: Plan['pasted'] = {};
    if (draft.userSig.mode === 'paste') pasted.userSig = await this.#pastedOf(id, 'userSig');
    if (draft.privateMapKey.mode === 'paste') pasted.privateMapKey = await this.#pastedOf(id, 'privateMapKey');
    return this.#planDraft(draft, id, pasted);
  }

  async #planDraft(draft: PresetDraft, presetId: string | null, pasted: Plan['pasted']): Promise<Plan> {
    const problems: LaunchProblem[] = [];
    let streamUrl: string | null = null;
    if (draft.media.kind === 'url') {
      streamUrl = draft.media.url;
    } else {
      try {
        streamUrl = await this.#deps.ports.mediaUrl(draft.media.entryId);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'NOT_FOUND') throw error;
        problems.push({ path: 'media', message: 'launch:problems.mediaMissing' });
      }
    }
    return { draft, presetId, streamUrl, problems, pasted };
  }

  #pastedOf(presetId: string, kind: 'userSig' | 'privateMapKey'): Promise<string | null> {
    return this.#deps.presets.pastedSecret(presetId, kind);
  }

  #ticketStandIns(plan: Plan): Tickets {
    return plan.draft.privateMapKey.mode === 'none' ? { userSig: placeholderTickets.userSig } : placeholderTickets;
  }

  async #ticketProblems(plan: Plan): Promise<LaunchProblem[]> {
    const problems: LaunchProblem[] = [];
    if (plan.draft.userSig.mode === 'paste' && !plan.pasted.userSig)
      problems.push({ path: 'userSig', message: 'launch:problems.userSigMissing' });
    if (plan.draft.privateMapKey.mode === 'paste' && !plan.pasted.privateMapKey) {
      problems.push({ path: 'privateMapKey', message: 'launch:problems.privateMapKeyMissing' });
    }
    return problems;
  }

  /** Just in time: generated now with the app's SDK secret key, or the pasted one. */
  async #tickets(plan: Plan): Promise<Tickets> {
    const { draft } = plan;
    const userSig =
      draft.userSig.mode === 'generate'
        ? await this.#deps.ports.generateUserSig({
            sdkAppId: draft.sdkAppId,
            userId: draft.userId,
            expirySeconds: draft.userSig.expirySeconds,
          })
        : (plan.pasted.userSig ?? '');
    if (draft.privateMapKey.mode === 'none') return { userSig };
    const privateMapKey =
      draft.privateMapKey.mode === 'generate'
        ? await this.#deps.ports.generatePrivateMapKey({
            sdkAppId: draft.sdkAppId,
            userId: draft.userId,
            expirySeconds: draft.privateMapKey.expirySeconds,
            roomIdType: draft.roomIdType,
            roomId: draft.roomId,
            privileges: draft.privateMapKey.privileges,
          })
        : (plan.pasted.privateMapKey ?? '');
    return { userSig, privateMapKey };
  }
}

/** Problems of the request for the account's site; ticket messages name the preset's fields. */
function requestProblems(
  site: Parameters<typeof startStreamIngestRequest>[0],
  region: string,
  body: StartStreamIngestBody,
  plan: Plan,
): LaunchProblem[] {
  const parsed = startStreamIngestRequest(site).safeParse({ Region: region, Body: body });
  if (parsed.success) return [];
  return parsed.error.issues
    .filter((issue) => !(plan.streamUrl === null && issue.path[1] === 'StreamUrl'))
    .map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

function liveUnconfirmed(): AppError {
  return new AppError('CONFLICT', 'This Start goes to a live (billed) account: confirm it with confirmLive.', { guard: 'liveConfirm' });
}

function invalid(problems: LaunchProblem[]): AppError {
  return new AppError('INVALID_INPUT', 'The request cannot be sent as it is.', { problems });
}

const unknownReasonByCode: Record<string, UnknownReason> = { TIMEOUT: 'timeout', HTTP_STATUS: 'http-status', NETWORK_ERROR: 'connection' };

/**
 * Settles a failed Start. An API answer is `failed` with its TRTC code; a request that surely never
 * left is `failed` too (nothing happened); anything else is `unknown`.
 */
export function outcomeOfFailure(error: unknown): TaskOutcome {
  if (error instanceof AppError) {
    const api = detailsOf(error, 'TRTC_API_ERROR');
    const requestId = api?.requestId || detailsOf(error, 'OUTCOME_UNKNOWN')?.requestId || undefined;
    if (error.code === 'TRTC_API_ERROR') {
      const code = api?.trtcCode ?? 'TRTC_API_ERROR';
      return { state: 'failed', error: { code, message: error.message.slice(0, 2000), ...(requestId ? { requestId } : {}) }, requestId };
    }
    const transport = detailsOf(error, 'NETWORK_ERROR') ?? detailsOf(error, 'TIMEOUT');
    if (error.code === 'NETWORK_ERROR' && transport?.notSent === true) {
      return { state: 'failed', error: { code: 'NETWORK_ERROR', message: error.message.slice(0, 2000) } };
    }
    if (error.code === 'OUTCOME_UNKNOWN' || error.code === 'TIMEOUT' || error.code === 'NETWORK_ERROR') {
      const cause = transport?.reason ?? detailsOf(error, 'OUTCOME_UNKNOWN')?.reason;
      const reason = cause === undefined ? undefined : unknownReasonByCode[cause];
      return {
        state: 'unknown',
        unknownReason: reason ?? (error.code === 'TIMEOUT' ? 'timeout' : error.code === 'OUTCOME_UNKNOWN' ? 'no-task-id' : 'connection'),
        error: { code: 'OUTCOME_UNKNOWN', message: error.message.slice(0, 2000), ...(requestId ? { requestId } : {}) },
      };
    }
    return { state: 'failed', error: { code: error.code, message: error.message.slice(0, 2000) } };
  }
  // Not classified by the client: we cannot tell whether it left, so it is unknown.
  return {
    state: 'unknown',
    unknownReason: 'connection',
    error: { code: 'OUTCOME_UNKNOWN', message: 'The Start failed without a classified reason.' },
  };
}

/**
 * The Start was answered but its outcome could not be saved (a full disk): the page must not be told
 * "started" for a record that says "pending" on disk, nor lose the TaskId. The error says both.
 */
function unsavedOutcome(error: unknown, outcome: TaskOutcome): unknown {
  const diskFull = error instanceof AppError ? detailsOf(error, 'DISK_FULL') : undefined;
  if (!(error instanceof AppError) || error.code !== 'DISK_FULL' || outcome.state !== 'started') return error;
  return new AppError(
    'DISK_FULL',
    `The task started (TaskId ${outcome.taskId}) but the disk is full, so its record could not be saved: note the TaskId, free some space, and stop the task from the TRTC console if it should not run.`,
    { ...diskFull, taskId: outcome.taskId, requestId: outcome.requestId },
  );
}
