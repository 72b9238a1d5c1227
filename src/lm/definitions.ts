// The language model tools' names and input schemas: the one definition that registration (registerLmTools.ts),
// the tools (lmTools.ts) and the manifest check (test/unit/lm/manifest.test.ts) share. No `vscode` import.
//
// VS Code groups tools in a set (`#name` adds them all) only through `contributes.languageModelToolSets`,
// which needs the `contribLanguageModelToolSets` API proposal (VS Code 1.139 refuses it otherwise, and
// @types/vscode 1.100 has no tool-set API): marketplace extensions cannot declare one. VS Code groups an
// extension's tools under the extension itself in the tools picker, and ours share the `hubspotTasks_`
// name prefix, the `hubspotTasks…` reference names and the `hubspot-tasks` tag.

export { LmToolNames, type LmToolName } from './names';
import { LmToolNames, type LmToolName } from './names';

export const LM_TOOL_TAG = 'hubspot-tasks';

/** Most tasks one create or update call takes (⌈N/100⌉ batch requests). */
export const MAX_WRITE_TASKS = 500;
/** Most tasks one find call returns (HubSpot's search page size is 200). */
export const MAX_FIND_RESULTS = 50;

const DUE = {
  type: 'string',
  description: 'A due phrase: today, tomorrow, a weekday (friday), +3d / +2w / +1m, or a date YYYY-MM-DD.',
  maxLength: 40,
};
const PRIORITY = { type: 'string', enum: ['HIGH', 'MEDIUM', 'LOW', 'NONE'] };
const OWNER = { type: 'string', description: '"me" or a HubSpot user\'s email address.', maxLength: 254 };
const ASSOCIATIONS = {
  type: 'array',
  description: 'Records to associate: a company name, a domain (acme.com), a contact email, or an id as contact:123 / company:123 / deal:123.',
  items: { type: 'string', maxLength: 254 },
  maxItems: 10,
};

/** JSON schemas of the tools' inputs, exactly as contributed in package.json. */
export const LM_TOOL_SCHEMAS: Record<LmToolName, object> = {
  [LmToolNames.find]: {
    type: 'object',
    properties: {
      owner: { type: 'string', description: '"me" (default), "anyone", or a HubSpot user\'s email address.', maxLength: 254 },
      text: { type: 'string', description: 'Words to look for in the subject or notes.', maxLength: 200 },
      status: { type: 'string', enum: ['open', 'completed', 'any'], description: 'Default: open.' },
      due: { type: 'string', enum: ['overdue', 'today', 'thisWeek', 'any'], description: 'A due window. Default: any.' },
      dueFrom: { type: 'string', description: 'Due on or after this date (YYYY-MM-DD).', maxLength: 10 },
      dueTo: { type: 'string', description: 'Due on or before this date (YYYY-MM-DD).', maxLength: 10 },
      associatedWith: { type: 'string', description: 'Only tasks of this record: a company name, a domain, a contact email, or contact:123 / company:123 / deal:123.', maxLength: 254 },
      limit: { type: 'number', minimum: 1, maximum: MAX_FIND_RESULTS, description: 'Default: 20.' },
    },
  },
  [LmToolNames.get]: {
    type: 'object',
    properties: { taskId: { type: 'string', description: 'The HubSpot task id (digits; HS-123 is accepted).', maxLength: 40 } },
    required: ['taskId'],
  },
  [LmToolNames.create]: {
    type: 'object',
    properties: {
      tasks: {
        type: 'array',
        minItems: 1,
        maxItems: MAX_WRITE_TASKS,
        items: {
          type: 'object',
          properties: {
            subject: { type: 'string', maxLength: 500 },
            notes: { type: 'string', maxLength: 5000 },
            due: DUE,
            priority: PRIORITY,
            owner: OWNER,
            associations: ASSOCIATIONS,
          },
          required: ['subject'],
        },
      },
    },
    required: ['tasks'],
  },
  [LmToolNames.update]: {
    type: 'object',
    properties: {
      taskIds: { type: 'array', minItems: 1, maxItems: MAX_WRITE_TASKS, items: { type: 'string', maxLength: 40 } },
      status: { type: 'string', enum: ['completed', 'open'], description: 'completed marks the tasks done; open reopens them.' },
      due: DUE,
      priority: PRIORITY,
      owner: OWNER,
    },
    required: ['taskIds'],
  },
  [LmToolNames.todos]: {
    type: 'object',
    properties: {
      scope: { type: 'string', enum: ['file', 'workspace'], description: 'The active editor\'s file (default) or the whole workspace.' },
      due: { ...DUE, description: `${DUE.description} Applied to TODOs without their own due: hint.` },
    },
  },
};
