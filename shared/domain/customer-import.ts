import { z } from 'zod';
import { rupiahSchema } from '../util/money.js';
import { idSchema } from './common.js';
import { areaSchema, serviceTypeSchema } from './customer.js';

/**
 * Moving an ISP's customers in from a spreadsheet (and later from a router's PPP secrets): the file
 * is uploaded in parts, read into rows of text, its columns mapped to these fields, previewed (a
 * dry run) and applied. A router source gives rows with the same column names Mikhmon exports, so it
 * plugs into the same mapping, preview and apply.
 */
export const IMPORT_FIELDS = [
  'name',
  'phone',
  'address',
  'area',
  'package',
  'username',
  'password',
  'serviceType',
  'billingDay',
  'coordinates',
  'latitude',
  'longitude',
  'notes',
  'code',
  'disabled',
] as const;
export const importFieldSchema = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof importFieldSchema>;

/** Which column (0-based) feeds each field; a field left out is not imported. */
export const importMappingSchema = z.partialRecord(importFieldSchema, z.number().int().min(0).max(500));
export type ImportMapping = z.infer<typeof importMappingSchema>;

/**
 * The upload cap: 5 MB of file and 20,000 rows, well above the largest RT/RW Net (a few thousand
 * customers) and small enough to read and plan in one go. The file travels in parts of at most
 * 512 KB (as base64) because web mode refuses a request body over 1 MB.
 */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;
export const IMPORT_PART_BYTES = 512 * 1024;
const base64Schema = z.string().max(Math.ceil(IMPORT_PART_BYTES / 3) * 4).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'validation.invalid');

export const importUploadInputSchema = z.object({
  /** Null for the first part; then the id the first part returned. */
  uploadId: idSchema.nullable(),
  fileName: z.string().trim().min(1).max(200),
  part: base64Schema,
});

/** What the operator decided for a package name the file has and the console does not. */
export const packageDecisionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('map'), packageId: idSchema }),
  /** Price 0 is allowed and flagged: the operator fixes it on the packages screen later. */
  z.object({ action: z.literal('create'), price: rupiahSchema }),
  /** A router profile whose users are not customers (staff, vouchers, the isolir profile): its rows are left out. */
  z.object({ action: z.literal('skip') }),
]);
export type PackageDecision = z.infer<typeof packageDecisionSchema>;

export const importOptionsSchema = z.object({
  uploadId: idSchema,
  /** The sheet of a workbook; null for the first (and for a CSV). */
  sheet: z.string().max(100).nullable().default(null),
  /** Null: the mapping suggested from the headers. */
  mapping: importMappingSchema.nullable().default(null),
  /** By the package name as written in the file (lower-cased). */
  packages: z.record(z.string().max(120), packageDecisionSchema).default({}),
  /** For rows whose package cell is empty. */
  defaultPackageId: idSchema.nullable().default(null),
  /** For rows without a service column (a Mikhmon file is hotspot users). Null: as suggested. */
  defaultServiceType: serviceTypeSchema.nullable().default(null),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

export const importApplyInputSchema = importOptionsSchema.extend({
  /** Made by the screen once per "Terapkan": the same key twice applies once (a double click, a retry). */
  requestKey: z.string().min(8).max(64),
});

/** "Dari router": the router's PPP secrets and hotspot users are read into an upload the preview and apply take like a file. */
export const importRouterInputSchema = z.object({ routerId: idSchema });
export const importRouterReadSchema = z.object({
  uploadId: idSchema,
  fileName: z.string(),
  pppSecrets: z.number().int(),
  hotspotUsers: z.number().int(),
});
export type ImportRouterRead = z.infer<typeof importRouterReadSchema>;

export const IMPORT_OUTCOMES = ['new', 'update', 'unchanged', 'skipped'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

/** Why a row is skipped: stable codes, worded in id/en by `import.reasons.<code>`. */
export const SKIP_REASONS = [
  'missingName',
  'nameTooLong',
  'phoneInvalid',
  'usernameInvalid',
  'usernameTaken',
  'duplicateInFile',
  'missingPackage',
  'unknownPackage',
  'limitReached',
  'packageSkipped',
  'otherRouter',
] as const;
export const skipReasonSchema = z.enum(SKIP_REASONS);
export type SkipReason = z.infer<typeof skipReasonSchema>;

/** Which rule found the customer a row updates: username wins, then code, then phone (with the name), then the name alone. */
export const MATCH_RULES = ['username', 'code', 'phone', 'name'] as const;

export const importRowSchema = z.object({
  /** The row's line in the file (1 is the header), as the operator sees it in Excel. */
  line: z.number().int(),
  outcome: z.enum(IMPORT_OUTCOMES),
  reason: skipReasonSchema.nullable(),
  matchedBy: z.enum(MATCH_RULES).nullable(),
  customerId: idSchema.nullable(),
  name: z.string(),
  phone: z.string(),
  username: z.string(),
  packageName: z.string(),
  /** The fields an update changes ('router': a customer without one gets the router imported from). */
  changes: z.array(z.enum([...IMPORT_FIELDS, 'router'])),
});
export type ImportRow = z.infer<typeof importRowSchema>;

export const importTotalsSchema = z.object({
  new: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
});
export type ImportTotals = z.infer<typeof importTotalsSchema>;

export const importPreviewSchema = z.object({
  fileName: z.string(),
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  headers: z.array(z.string()),
  /** The mapping used: the one sent, or the one suggested from the headers. */
  mapping: importMappingSchema,
  /** Which export the headers look like: PHPNuxBill, Mikhmon, Gembok Bill, or a sheet of our own. */
  source: z.enum(['phpnuxbill', 'mikhmon', 'gembok', 'rrnet', 'sheet', 'router']),
  serviceType: serviceTypeSchema,
  /** Package names in the file that no package has (and no decision covers yet), with their row count. */
  unknownPackages: z.array(
    z.object({
      name: z.string(),
      rows: z.number().int(),
      /** A package that reads alike ("gold-50m" for Gold 50 Mbps): the screen preselects it, the operator confirms or changes it. */
      suggestedPackageId: idSchema.nullable(),
    }),
  ),
  /** Packages the apply will create at price 0: flagged for the operator to price. */
  zeroPricePackages: z.array(z.string()),
  /** The plan's customer limit and how many count now: new rows beyond it are skipped ('limitReached'). */
  limit: z.object({ max: z.number().int(), used: z.number().int() }),
  totals: importTotalsSchema,
  rows: z.array(importRowSchema),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importSummarySchema = z.object({
  id: idSchema,
  fileName: z.string(),
  userName: z.string(),
  createdAt: z.string(),
  totals: importTotalsSchema,
  packagesCreated: z.array(z.string()),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const importReportSchema = importSummarySchema.extend({ rows: z.array(importRowSchema) });
export type ImportReport = z.infer<typeof importReportSchema>;

/** A file made by the core for the screen to save (a report, an export). */
export const downloadSchema = z.object({ fileName: z.string(), mimeType: z.string(), data: z.string() });
export type Download = z.infer<typeof downloadSchema>;

export const exportInputSchema = z.object({
  format: z.enum(['csv', 'xlsx']),
  /** The list's current filter; empty for everyone. */
  query: z.string().trim().max(100).default(''),
  status: z.enum(['active', 'isolated', 'inactive']).nullable().default(null),
  packageId: idSchema.nullable().default(null),
  area: areaSchema.nullable().default(null),
});
