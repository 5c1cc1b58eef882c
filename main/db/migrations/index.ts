import type { Migration } from '../migrate.js';
import { m001Core } from './001-core.js';
import { m002Accounts } from './002-accounts.js';
import { m003Customers } from './003-customers.js';
import { m004Maps } from './004-maps.js';
import { m005WhatsApp } from './005-whatsapp.js';
import { m006CustomerIndexes } from './006-customer-indexes.js';
import { m007QueueIndexes } from './007-queue-indexes.js';
import { m008BroadcastFeed } from './008-broadcast-feed.js';
import { m009SyncAllowList } from './009-sync-allow-list.js';
import { m010Schedules } from './010-schedules.js';
import { m011DeadLetters } from './011-dead-letters.js';
import { m012BroadcastProgress } from './012-broadcast-progress.js';
import { m013MessageWindow } from './013-message-window.js';
import { m014CustomerShortSearch } from './014-customer-short-search.js';
import { m015LoginThrottle } from './015-login-throttle.js';
import { m016BroadcastRequestKey } from './016-broadcast-request-key.js';
import { m017WaSendTime } from './017-wa-send-time.js';
import { m018WaSimulated } from './018-wa-simulated.js';
import { m019RouterSettings } from './019-router-settings.js';
import { m020CustomerImports } from './020-customer-imports.js';
import { m021IsolirActions } from './021-isolir-actions.js';
import { m022Provisioning } from './022-provisioning.js';
import { m023IsolirLanding } from './023-isolir-landing.js';
import { m024RadiusDatabase } from './024-radius-database.js';
import { m025WaOutbox } from './025-wa-outbox.js';
import { m026Billing } from './026-billing.js';
import { m027TenantProfile } from './027-tenant-profile.js';
import { m028BillingLoop } from './028-billing-loop.js';
import { m029CustomerArea } from './029-customer-area.js';
import { m030ReceiptNumbers } from './030-receipt-numbers.js';

export const migrations: readonly Migration[] = [
  m001Core,
  m002Accounts,
  m003Customers,
  m004Maps,
  m005WhatsApp,
  m006CustomerIndexes,
  m007QueueIndexes,
  m008BroadcastFeed,
  m009SyncAllowList,
  m010Schedules,
  m011DeadLetters,
  m012BroadcastProgress,
  m013MessageWindow,
  m014CustomerShortSearch,
  m015LoginThrottle,
  m016BroadcastRequestKey,
  m017WaSendTime,
  m018WaSimulated,
  m019RouterSettings,
  m020CustomerImports,
  m021IsolirActions,
  m022Provisioning,
  m023IsolirLanding,
  m024RadiusDatabase,
  m025WaOutbox,
  m026Billing,
  m027TenantProfile,
  m028BillingLoop,
  m029CustomerArea,
  m030ReceiptNumbers,
];
