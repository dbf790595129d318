// Where signed requests go and as whom: the cpworkflow.aws.* settings, the environment and the shared config files
// (resolved by the submission library as the AWS CLI does), the region a user picked when none was set, VS Code's
// proxy settings, and the status bar item that shows and switches profile and region.
import * as vscode from 'vscode';
import type {
  AwsConnectionOptions,
  AwsSettingsInOrder,
  ResolvedAwsSettings,
  SettingSource,
} from '../../../server/src/aws';
import type { RequestTarget } from '../submit/submissionText';
import { signerLine } from '../submit/submissionText';
import { awsSettingsInOrder, redactCredentials } from '../../../server/src/aws';
import { regionsForPicker, TYPED_REGION_NAME } from './regions';
import { LANGUAGE_ID } from '../constants';
import { submissionModules, submissionModulesLoaded } from './lazyModules';
import { SELECT_TARGET_COMMAND } from '../constants';

const SECTION = 'cpworkflow.aws';
const CHOSEN_REGIONS_KEY = 'cpworkflow.aws.chosenRegions';

/** The user's cpworkflow.aws.* settings (user or remote settings only: the manifest scopes them so). */
export function awsSettings(): { profile?: string; region?: string; endpointUrl?: string } {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  const value = (key: string) => cfg.get<string>(key)?.trim() || undefined;
  return { profile: value('profile'), region: value('region'), endpointUrl: value('endpointUrl') };
}

/** VS Code's `http.proxy` / `http.proxyStrictSSL` / `http.noProxy`, for the SDK's HTTP handler. */
export function proxyOption(): AwsConnectionOptions['proxy'] {
  const http = vscode.workspace.getConfiguration('http');
  const url = http.get<string>('proxy')?.trim();
  return url
    ? { url, strictSSL: http.get<boolean>('proxyStrictSSL', true), noProxy: http.get<string[]>('noProxy', []) }
    : undefined;
}

export interface ResolvedTarget extends RequestTarget {
  readonly settings: ResolvedAwsSettings;
  /** false: no region anywhere; the caller must ask */
  readonly hasRegion: boolean;
}

/**
 * Resolves profile, region and endpoint: settings first, then AWS_PROFILE / AWS_REGION / AWS_ENDPOINT_URL, the
 * profile's config, and last the region the user picked for this profile before.
 */
export async function resolveTarget(memory: vscode.Memento): Promise<ResolvedTarget> {
  const settings = await submissionModules().aws.resolveAwsSettings(awsSettings());
  const target = describeTarget(settings);
  if (settings.region) return { ...target, settings };
  const region = chosenRegion(memory, settings.profile);
  return { ...target, settings, region: region ?? '', regionFrom: 'chosen earlier', hasRegion: !!region };
}

/** The profile a request names: undefined when none was set (the default chain: environment keys, "default"). */
export function namedProfile(target: ResolvedTarget): string | undefined {
  return target.settings.profileExplicit ? target.settings.profile : undefined;
}

const PROFILE_REGION_UNREAD = "the profile's region, read from the shared config file when a command first runs";

/**
 * The status bar's view before the submission bundle is loaded: settings and environment only, in the library's
 * order; what only the shared config files can say is left unread.
 */
function targetWithoutFiles(): Omit<ResolvedTarget, 'settings'> {
  const target = describeTarget(awsSettingsInOrder(awsSettings(), process.env));
  return target.hasRegion ? target : { ...target, regionFrom: PROFILE_REGION_UNREAD };
}

/**
 * The same, with the profile's own region read from the shared config files as the AWS CLI reads them (the SDK's
 * small file loader, not the submission bundle): what the status bar shows before any command ran.
 */
export async function targetFromConfigFiles(): Promise<Omit<ResolvedTarget, 'settings'>> {
  try {
    const { loadSharedConfigFiles } = await import('@smithy/core/config');
    const { configFile } = await loadSharedConfigFiles({ ignoreCache: true });
    return describeTarget(awsSettingsInOrder(awsSettings(), process.env, (profile) => configFile[profile]));
  } catch {
    return targetWithoutFiles();
  }
}

/** The settings as the confirmation and the status bar show them: each value and where it came from. */
function describeTarget(s: AwsSettingsInOrder): Omit<ResolvedTarget, 'settings'> {
  const from = (source: SettingSource, setting: string, variable: string | undefined, inProfile: string) =>
    source === 'option'
      ? `setting ${SECTION}.${setting}`
      : source === 'environment'
        ? (variable ?? 'environment')
        : inProfile;
  return {
    profile: s.profile,
    profileFrom: from(s.profileSource, 'profile', s.variables.profile, 'no profile set'),
    signer: s.signer,
    region: s.region ?? '',
    regionFrom: from(s.regionSource, 'region', s.variables.region, `profile ${s.profile}`),
    hasRegion: !!s.region,
    endpointUrl: s.endpointUrl && redactCredentials(s.endpointUrl),
    endpointFrom: s.endpointUrl
      ? from(s.endpointSource, 'endpointUrl', s.variables.endpointUrl, `profile ${s.profile} endpoint_url`)
      : undefined,
  };
}

function chosenRegion(memory: vscode.Memento, profile: string): string | undefined {
  return memory.get<Record<string, string>>(CHOSEN_REGIONS_KEY, {})[profile];
}

/** Remembers the region picked for a profile that has none, for the next submission. */
export async function rememberRegion(memory: vscode.Memento, profile: string, region: string): Promise<void> {
  await memory.update(CHOSEN_REGIONS_KEY, {
    ...memory.get<Record<string, string>>(CHOSEN_REGIONS_KEY, {}),
    [profile]: region,
  });
}

function lastChosenRegion(memory: vscode.Memento): string | undefined {
  return Object.values(memory.get<Record<string, string>>(CHOSEN_REGIONS_KEY, {})).pop();
}

/** The quick pick of regions where Customer Profiles exists, or one typed by hand; the last choice first. */
export async function pickRegion(memory: vscode.Memento, title: string): Promise<string | undefined> {
  const picked = await showRegionPicker({
    title,
    placeholder: 'Regions where Amazon Connect Customer Profiles is available, or type a region code',
    remembered: lastChosenRegion(memory),
  });
  return picked?.value ?? undefined;
}

type RegionItem = vscode.QuickPickItem & { value: string | null };

/**
 * A quick pick of the regions where Customer Profiles runs that also takes a well-formed region code typed by hand,
 * so that a region newer than this release is not refused. `before`: items above the regions ("Not set").
 */
function showRegionPicker(options: {
  title: string;
  placeholder: string;
  remembered?: string;
  current?: string;
  before?: RegionItem[];
}): Promise<RegionItem | undefined> {
  const picker = vscode.window.createQuickPick<RegionItem>();
  const show = (typed: string) => {
    const regions = regionsForPicker(options.remembered, typed).map((r) => ({
      label: r.code,
      description: r.code === options.current ? `${r.name} · current` : r.name,
      value: r.code,
      alwaysShow: r.name === TYPED_REGION_NAME,
    }));
    picker.items = [...(options.before ?? []), ...regions];
    const typedItem = regions.find((r) => r.alwaysShow);
    if (typedItem) picker.activeItems = [typedItem];
  };
  picker.title = options.title;
  picker.placeholder = options.placeholder;
  picker.ignoreFocusOut = true;
  show('');
  return new Promise((resolve) => {
    picker.onDidChangeValue(show);
    picker.onDidAccept(() => {
      resolve(picker.selectedItems[0]);
      picker.hide();
    });
    picker.onDidHide(() => {
      resolve(undefined);
      picker.dispose();
    });
    picker.show();
  });
}

/** Status bar item for cpworkflow editors: "profile · region"; a click switches them. */
export class AwsTargetStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'cpworkflow.awsTarget',
    vscode.StatusBarAlignment.Right,
    100,
  );
  private readonly subscriptions: vscode.Disposable[] = [this.item];
  private refreshing: Promise<void> | undefined;
  private stale = true;

  constructor(private readonly memory: vscode.Memento) {
    this.item.name = 'Customer Profiles: AWS profile and region';
    this.item.text = '$(cloud) AWS';
    this.item.command = SELECT_TARGET_COMMAND;
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SECTION)) this.invalidate();
      }),
    );
    this.update();
  }

  /** Settings, environment or the remembered region changed: resolve again when next shown. */
  invalidate(): void {
    this.stale = true;
    this.update();
  }

  /** The text shown, once it is current (for the select command's result). */
  async text(): Promise<string> {
    await this.refreshing;
    this.stale = true;
    await this.refresh();
    return this.item.text;
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId !== LANGUAGE_ID) {
      this.item.hide();
      return;
    }
    this.item.show();
    if (this.stale) void this.refresh();
  }

  /** One render at a time; a change that arrives meanwhile renders again when it ends. */
  private refresh(): Promise<void> {
    this.refreshing ??= this.render().finally(() => {
      this.refreshing = undefined;
      if (this.stale) this.update();
    });
    return this.refreshing;
  }

  private async render(): Promise<void> {
    this.stale = false;
    try {
      // Reading the shared config files takes the submission bundle (the AWS SDK); until a command has loaded
      // it, show what settings and environment say and leave the profile's own region unread.
      const t = submissionModulesLoaded()
        ? await resolveTarget(this.memory)
        : vscode.workspace.isTrusted
          ? await targetFromConfigFiles()
          : targetWithoutFiles();
      this.item.text = `$(cloud) ${t.signer === 'environment' ? 'environment keys' : t.profile} · ${t.hasRegion ? t.region : t.regionFrom === PROFILE_REGION_UNREAD ? "profile's region" : 'no region'}`;
      const tip = new vscode.MarkdownString(undefined, true);
      tip.appendMarkdown(`**Customer Profiles requests**\n\n`);
      tip.appendMarkdown(`${signerLine(t)}\n\n`);
      tip.appendMarkdown(`Region: ${t.hasRegion ? `\`${t.region}\` (${t.regionFrom})` : t.regionFrom}\n\n`);
      tip.appendMarkdown(
        `Endpoint: ${t.endpointUrl ? `\`${t.endpointUrl}\` (${t.endpointFrom})` : `AWS's endpoint for the region`}\n\n`,
      );
      tip.appendMarkdown('Click to switch profile or region.');
      this.item.tooltip = tip;
    } catch (err) {
      this.item.text = '$(cloud) AWS';
      this.item.tooltip = `Could not read the AWS settings: ${(err as Error).message}`;
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

export { SELECT_TARGET_COMMAND };

/** Programmatic answers to the two pickers (tests, other extensions); `null` picks "not set". */
export interface SelectTargetAnswers {
  readonly profile?: string | null;
  readonly region?: string | null;
}

/**
 * Switches the profile, then the region, through quick picks; each choice is written to the user settings
 * (Escape keeps the current value). Profiles are those of the shared config and credentials files.
 */
export async function selectTarget(status: AwsTargetStatus, answers?: SelectTargetAnswers) {
  const { aws } = submissionModules();
  const cfg = () => vscode.workspace.getConfiguration(SECTION);
  const current = awsSettings();
  const profile =
    answers && 'profile' in answers ? answers.profile : await pickProfile(await aws.listProfiles(), current.profile);
  if (profile !== undefined) await cfg().update('profile', profile ?? undefined, vscode.ConfigurationTarget.Global);
  const region = answers && 'region' in answers ? answers.region : await pickSettingRegion(current.region);
  if (region !== undefined) await cfg().update('region', region ?? undefined, vscode.ConfigurationTarget.Global);
  return { ...awsSettings(), statusText: await status.text() };
}

async function pickProfile(profiles: string[], current: string | undefined): Promise<string | null | undefined> {
  const items: (vscode.QuickPickItem & { value: string | null })[] = [
    {
      label: '$(circle-slash) Not set',
      description: 'AWS_PROFILE, else environment keys, else "default" (as the AWS CLI)',
      value: null,
    },
    ...profiles.map((p) => ({ label: p, description: p === current ? 'current' : undefined, value: p })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: 'AWS profile for Customer Profiles requests (from ~/.aws/config and ~/.aws/credentials)',
    placeHolder: profiles.length ? 'Choose a profile' : 'No profiles in the shared config files: run `aws configure`',
  });
  return picked ? picked.value : undefined;
}

async function pickSettingRegion(current: string | undefined): Promise<string | null | undefined> {
  const picked = await showRegionPicker({
    title: 'AWS region for Customer Profiles requests',
    placeholder: 'Choose a region, or type a region code',
    current,
    before: [{ label: '$(circle-slash) Not set', description: "AWS_REGION, else the profile's region", value: null }],
  });
  return picked ? picked.value : undefined;
}
