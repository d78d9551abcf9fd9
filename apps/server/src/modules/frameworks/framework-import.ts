// Excel import of a framework (SPEC 4.2, 3.6): the whole workbook is read and checked first; then the
// draft, its tree and negative list are written in one transaction, or nothing is.
import path from 'node:path';
import { type FrameworkImportResult, type Language, translateError } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { pinyin } from 'pinyin-pro';
import { type Actor, requireCityScope } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError, importFailed, fail } from '../../platform/errors';
import { type SheetGrid, XLSX_TYPE, readWorkbookGrids, sortRowErrors } from '../../platform/excel';
import { sniffContentType } from '../../platform/files';
import { newId } from '../../platform/ids';
import { simplify } from '../../platform/search-text';
import { RowProblems } from './framework-import-messages';
import { readColumnar, readFlat, scanRows } from './framework-layouts';
import { readNegatives } from './framework-negatives';
import { type Header, type SheetMeta, findHeader, levelKeys, readMeta } from './framework-sheet';
import { buildTree } from './framework-tree-build';
import {
  type NegativeInput,
  type NodeInput,
  findFamilyByCode,
  insertFramework,
  insertNegativeItems,
  insertTree,
  lockFamily,
} from './framework.repository';
import { assertCodeFree } from './framework.service';

const MAX_ROWS = 20_000;

export interface ParsedWorkbook extends SheetMeta {
  roots: NodeInput[];
  count: number;
  negatives: NegativeInput[];
}

/** The sheet (not a 负面清单 one) whose header names the most columns. */
function pickMainSheet(grids: SheetGrid[]): { grid: SheetGrid; header: Header } | null {
  let best: { grid: SheetGrid; header: Header } | null = null;
  for (const grid of grids.filter((g) => !/负面/.test(g.name))) {
    const header = findHeader(grid);
    if (header && header.cols.size > (best?.header.cols.size ?? 0)) best = { grid, header };
  }
  return best;
}

async function loadGrids(bytes: Buffer, lang: Language): Promise<SheetGrid[]> {
  try {
    return await readWorkbookGrids(bytes, { maxRows: MAX_ROWS });
  } catch (err) {
    if (err instanceof AppError) throw importFailed([{ row: 0, message: translateError(err.code, lang) }]);
    throw err;
  }
}

/** Read a manual's workbook into a tree and negative list; IMPORT_FAILED (400) with every bad row. */
export async function parseFrameworkWorkbook(bytes: Buffer, lang: Language): Promise<ParsedWorkbook> {
  const problems = new RowProblems(lang);
  const grids = await loadGrids(bytes, lang);
  const main = pickMainSheet(grids);
  if (!main) {
    problems.add(0, 'no_header');
    throw importFailed(problems.rows);
  }
  const meta = readMeta(main.grid, main.header);
  const scan = scanRows(main.grid, main.header);
  const cols = main.header.cols;
  const columnar = !cols.has('name') && levelKeys.filter((k) => cols.has(k)).length >= 2;
  const nodes = (columnar ? readColumnar : readFlat)(main.grid, main.header, scan.data, problems);
  const { roots, count } = buildTree(nodes, problems, { fillParents: !cols.has('level') });
  const others = grids.filter((g) => g !== main.grid);
  const negatives = readNegatives(others, { grid: main.grid, rows: scan.negative }, problems);
  if (count === 0 && problems.rows.length === 0) problems.add(0, 'empty');
  if (problems.rows.length) throw importFailed(sortRowErrors(problems.rows));
  return { ...meta, totalPoints: meta.totalPoints ?? scan.totalPoints, roots, count, negatives };
}

export interface ImportFields {
  name?: string;
  code?: string;
  familyId?: string;
}

/** "全国文明城市测评体系" → "QGWMCSCPTX": a code from the name's pinyin initials. */
function codeFromName(name: string): string {
  const initials = pinyin(simplify(name), { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase();
  return initials.slice(0, 20) || 'FW';
}

/** A code no other family uses: the given one (409 when taken), or one made from the name, numbered if need be. */
async function pickCode(tx: Db, tenantId: string, name: string, given?: string): Promise<string> {
  if (given) {
    await assertCodeFree(tx, tenantId, given);
    return given;
  }
  const base = codeFromName(name);
  for (let k = 1; ; k++) {
    const code = k === 1 ? base : `${base}-${k}`;
    if (!(await findFamilyByCode(tx, tenantId, code))) return code;
  }
}

/** Where the import goes: a new family (version 1), or the next version of an existing family. */
async function placeImport(tx: Db, actor: Actor, fields: ImportFields, name: string, id: string) {
  if (!fields.familyId)
    return { familyId: id, version: 1, code: await pickCode(tx, actor.tenantId, name, fields.code) };
  const version = await lockFamily(tx, actor.tenantId, fields.familyId);
  if (version === 1) throw fail('FRAMEWORK_NOT_FOUND');
  const code = await familyCode(tx, actor.tenantId, fields.familyId);
  return { familyId: fields.familyId, version, code };
}

async function familyCode(tx: Db, tenantId: string, familyId: string): Promise<string> {
  const res = await tx.execute(
    sql`SELECT code FROM framework WHERE tenant_id = ${tenantId} AND family_id = ${familyId} LIMIT 1`,
  );
  return (res.rows[0] as { code: string }).code;
}

const baseName = (file: string) =>
  path
    .basename(file)
    .replace(/\.xlsx$/i, '')
    .trim();

/**
 * Import a workbook as a new draft (or as the next version of `familyId`): 415 for a file that is not
 * xlsx, 400 IMPORT_FAILED with `details.rows` for every problem; the source file is kept with the draft.
 */
export async function importFramework(
  ctx: AppContext,
  actor: Actor,
  upload: { bytes: Buffer; name: string },
  fields: ImportFields,
  lang: Language,
): Promise<FrameworkImportResult> {
  requireCityScope(actor, 'framework.manage');
  if (sniffContentType(upload.bytes) !== XLSX_TYPE) throw fail('FILE_TYPE_NOT_ALLOWED', { allowed: [XLSX_TYPE] });
  const parsed = await parseFrameworkWorkbook(upload.bytes, lang);
  const name = (fields.name ?? parsed.title ?? (baseName(upload.name) || '导入的测评体系')).slice(0, 200);
  const id = newId();
  return ctx.db.transaction(async (tx) => {
    const place = await placeImport(tx, actor, fields, name, id);
    const { totalPoints, complianceLine } = parsed;
    await insertFramework(
      tx,
      actor.tenantId,
      {
        id,
        ...place,
        name,
        totalPoints,
        complianceLine,
        createdBy: actor.accountId,
      },
      actor.now,
    );
    await insertTree(tx, actor.tenantId, id, parsed.roots);
    await insertNegativeItems(tx, actor.tenantId, id, parsed.negatives);
    const file = await ctx.files.save(tx, actor, upload.bytes, { name: upload.name, purpose: 'framework-import' }, [
      XLSX_TYPE,
    ]);
    await writeAudit(tx, actor, {
      action: 'framework.import',
      objectType: 'framework',
      objectId: id,
      after: { fileId: file.id, ...place, name, indicatorCount: parsed.count, negativeCount: parsed.negatives.length },
    });
    return { id, version: place.version, indicatorCount: parsed.count };
  });
}
