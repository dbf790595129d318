// Every notification of the extension (not the modal questions, whose detail is plain text): through
// notificationText, so a service or account text can neither be a live link nor flood the screen.
import * as vscode from 'vscode';
import { notificationText } from './notificationText';

export const notify = {
  info: (text: string, ...items: string[]) => vscode.window.showInformationMessage(notificationText(text), ...items),
  warn: (text: string, ...items: string[]) => vscode.window.showWarningMessage(notificationText(text), ...items),
  error: (text: string, ...items: string[]) => vscode.window.showErrorMessage(notificationText(text), ...items),
};
