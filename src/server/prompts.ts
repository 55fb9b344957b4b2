import { completable } from '@modelcontextprotocol/sdk/server/completable.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError, type GetPromptResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { isMinzhengError } from '../errors.js';
import { resolveIndicators } from '../indicators/resolve.js';
import type { ReportLibrary } from '../library.js';
import type { Completions } from './completions.js';
import type { ServerDeps } from './deps.js';
import { checkText, compareText, overviewText } from './prompt-texts.js';
import { asList } from './schemas.js';

/** The longest draft 核对数字 takes: a long article, not a whole report. */
const MAX_DRAFT_CHARS = 20_000;

/**
 * Prompts a staff member picks from a client's menu: 各地比较 (one indicator across places),
 * 一地概况 (a place), 核对数字 (the figures of a draft). Each is a user message telling the model
 * which tools to call and how to cite; its arguments complete from the library (completion/complete).
 */
export function registerPrompts(server: McpServer, { holder }: ServerDeps, completions: Completions): void {
  // Every argument schema is built here, once per server: completable() marks the schema object itself.
  const indicatorArg = () =>
    completable(z.string().min(1).max(100).describe('指标名称、别名或 id,例如 低保标准、城市低保标准、养老床位、dibao_urban'), (value) => completions.indicators(value));
  const placesArg = () =>
    completable(
      z.string().max(400).optional().describe('要比较的地方,用 、 或 , 分隔,例如 许昌、镇江;不填则比较所有有报告的地方'),
      (value, context) => completions.places(value ?? '', context?.arguments?.indicator),
    );
  const placeArg = (description: string) => completable(z.string().min(1).max(40).describe(description), (value) => completions.places(value));
  const optionalPlaceArg = (description: string) =>
    completable(z.string().max(40).optional().describe(description), (value) => completions.places(value ?? ''));

  server.registerPrompt(
    'compare_places',
    {
      title: '各地比较',
      description: 'Compare places on one indicator (低保标准, 养老床位 …): a ranked, normalised table with every figure cited and what makes comparing unsafe.',
      argsSchema: { indicator: indicatorArg(), places: placesArg() },
    },
    ({ indicator, places }) =>
      answer('各地比较', () => {
        const request = resolveIndicators(indicator);
        const named = asList(places);
        return compareText({
          asked: request.family?.name ?? request.members[0]!.name,
          indicators: request.members.map(({ name, id, unit }) => ({ name, id, unit })),
          places: named && holder.library().places.targets(named),
        });
      }),
  );

  server.registerPrompt(
    'place_overview',
    {
      title: '一地概况',
      description: "Overview of one place's civil-affairs work from its reports: the latest figures, then how things are done, each cited.",
      argsSchema: {
        place: placeArg('地方名称、简称、拼音或行政区划代码,例如 许昌、清水县、xuchang'),
        topic: z.string().max(100).optional().describe('只看某方面,例如 养老服务、社会救助;不填则全面概述'),
      },
    },
    ({ place, topic }) => answer('一地概况', () => overviewOf(holder.library(), place, topic)),
  );

  server.registerPrompt(
    'check_figures',
    {
      title: '核对数字',
      description: 'Check every figure in a draft (a sentence or an article) against the reports: a verdict and a citation per number.',
      argsSchema: {
        draft: z.string().min(1).max(MAX_DRAFT_CHARS).describe('要核对的稿件:一句话或一篇文章,含数字'),
        place: optionalPlaceArg('稿件说的地方(稿件里没写地方时按它理解),例如 许昌'),
      },
    },
    ({ draft, place }) =>
      answer('核对数字', () => checkText({ draft, ...(place?.trim() ? { place: holder.library().places.resolve(place).name } : {}) })),
  );
}

function overviewOf(library: ReportLibrary, placeInput: string, topic: string | undefined): string {
  const names = new Set(library.places.expand([placeInput]));
  const unit = library.places.resolve(placeInput);
  const reports = library.reports.filter((report) => names.has(report.meta.place)).map(({ meta }) => meta);
  const indicators = library.indicators.catalogue
    .filter((indicator) => library.indicators.placesWith(indicator.id).some((place) => names.has(place)))
    .map((indicator) => indicator.name);
  return overviewText({ place: unit.name, ...(topic?.trim() ? { topic: topic.trim() } : {}), reports, indicators });
}

/**
 * The prompt's one user message; a name the library does not know is the caller's mistake (-32602)
 * with what is accepted; an index still being built (or failed) is the server's (-32603), said so.
 */
function answer(title: string, build: () => string): GetPromptResult {
  try {
    return { description: title, messages: [{ role: 'user', content: { type: 'text', text: build() } }] };
  } catch (error) {
    if (isMinzhengError(error) && (error.code === 'INDEX_BUILDING' || error.code === 'INDEX_FAILED')) throw new McpError(ErrorCode.InternalError, error.message);
    if (isMinzhengError(error)) throw new McpError(ErrorCode.InvalidParams, error.message);
    throw error;
  }
}
