// The account in VS Code: the user-scope setting cpworkflow.account.enabled (never from a workspace; off in
// Restricted Mode), the language status item that shows what the server knows and turns the account on in one
// click, and "Refresh Account". The server does the fetching; this file only tells it where and whether to look.
// Nothing here loads the AWS SDK.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { awsSettings, proxyOption, targetFromConfigFiles } from './aws/target';
import { DOCUMENT_SELECTOR } from './constants';
import { awsSettingsInOrder } from '../../server/src/aws';
import {
  ACCOUNT_SETTINGS_NOTIFICATION,
  ACCOUNT_STATUS_NOTIFICATION,
  REFRESH_ACCOUNT_NOTIFICATION,
  type AccountSettings,
  type AccountStatus,
} from '../../server/src/protocol';

export const USE_ACCOUNT_COMMAND = 'cpworkflow.useAccount';
export const STOP_USING_ACCOUNT_COMMAND = 'cpworkflow.stopUsingAccount';
export const REFRESH_ACCOUNT_COMMAND = 'cpworkflow.refreshAccount';
const ENABLED = 'cpworkflow.account.enabled';

/** What the server gets (initializationOptions.account and the cpworkflow/accountSettings notification). */
export function accountSettings(): AccountSettings {
  const enabled = vscode.workspace.getConfiguration().get<boolean>(ENABLED, false) && vscode.workspace.isTrusted;
  return enabled ? { enabled, ...awsSettings(), proxy: proxyOption() } : { enabled: false };
}

/** Wires the setting, the commands and the status item to a started client; returns the item (the extension API). */
export function registerAccount(context: vscode.ExtensionContext, client: LanguageClient): vscode.LanguageStatusItem {
  const item = vscode.languages.createLanguageStatusItem('cpworkflow.account', DOCUMENT_SELECTOR);
  // named for what it does: "Account" would also read as the Salesforce Account object a flow reads
  item.name = 'Check against AWS';
  context.subscriptions.push(item);
  let shown: AccountStatus = { state: 'off' };
  const show = (s: AccountStatus) => {
    shown = s;
    item.busy = s.state === 'fetching';
    item.severity =
      s.state === 'unavailable' ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    if (s.state === 'off') {
      item.text = 'Check against AWS: off';
      item.detail = vscode.workspace.isTrusted
        ? 'Check names and fields against your AWS account'
        : 'Not in Restricted Mode: trust the workspace to use the account';
      item.command = vscode.workspace.isTrusted
        ? { title: `Use account (${accountLabel()})`, command: USE_ACCOUNT_COMMAND }
        : undefined;
      // the profile's own region from its config file, as the status bar and the AWS CLI say it
      if (vscode.workspace.isTrusted && accountLabel().endsWith("the profile's region"))
        void resolvedAccountLabel().then((label) => {
          if (shown.state === 'off' && item.command)
            item.command = { title: `Use account (${label})`, command: USE_ACCOUNT_COMMAND };
        });
      return;
    }
    item.text = `Check against AWS: ${s.label ?? ''}`;
    item.detail =
      s.state === 'fetching'
        ? 'Reading connections, objects and fields…'
        : s.state === 'ready'
          ? 'Checks and completion use this account'
          : (s.message ?? 'The account could not answer');
    item.command = { title: 'Refresh Account', command: REFRESH_ACCOUNT_COMMAND };
  };
  show({ state: 'off' });

  const send = () => void client.sendNotification(ACCOUNT_SETTINGS_NOTIFICATION, accountSettings());
  context.subscriptions.push(
    client.onNotification(ACCOUNT_STATUS_NOTIFICATION, (s: AccountStatus) => show(s)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (
        e.affectsConfiguration('cpworkflow.account') ||
        e.affectsConfiguration('cpworkflow.aws') ||
        e.affectsConfiguration('http')
      ) {
        // "Use account (profile, region)" names the settings of now, not those of when the account was last off
        show(shown);
        send();
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      show(shown);
      send();
    }),
    vscode.commands.registerCommand(USE_ACCOUNT_COMMAND, async () => {
      if (!vscode.workspace.isTrusted) return;
      // user scope: where credentials are used is never a workspace's choice
      await vscode.workspace.getConfiguration().update(ENABLED, true, vscode.ConfigurationTarget.Global);
    }),
    vscode.commands.registerCommand(STOP_USING_ACCOUNT_COMMAND, async () => {
      await vscode.workspace.getConfiguration().update(ENABLED, false, vscode.ConfigurationTarget.Global);
    }),
    vscode.commands.registerCommand(REFRESH_ACCOUNT_COMMAND, () =>
      client.sendNotification(REFRESH_ACCOUNT_NOTIFICATION),
    ),
  );
  return item;
}

/**
 * Profile and region in the AWS CLI's order (settings, then environment, then the profile's config once the status
 * bar has read it), as the status bar shows them.
 */
function accountLabel(): string {
  const s = awsSettingsInOrder(awsSettings(), process.env);
  return `profile ${s.profile}, ${s.region ?? "the profile's region"}`;
}

/** The same with the profile's own region read from the shared config files, as the status bar shows it. */
async function resolvedAccountLabel(): Promise<string> {
  const t = await targetFromConfigFiles();
  return `profile ${t.profile}, ${t.hasRegion ? t.region : 'no region'}`;
}
