// The task editor's static markup and the strings its script needs. Every string is ours (localised)
// and still escaped; HubSpot data never goes through here: the script sets it with textContent / value.
import * as vscode from 'vscode';
import { escapeHtml } from '../../tasks/htmlToText';
import { displayLocale } from '../../ui/displayLocale';

const t = (message: string, ...args: string[]) => escapeHtml(vscode.l10n.t(message, ...args));

export function taskEditorBody(): string {
  return `<main class="editor">
<form id="task-form" novalidate aria-describedby="form-error">
  <div id="form-error" class="form-error" role="alert" hidden></div>
  <section id="conflict" class="conflict" role="alertdialog" aria-modal="false" aria-labelledby="conflict-title" aria-describedby="conflict-intro" tabindex="-1" hidden>
    <h2 id="conflict-title">${t('This task changed in HubSpot since you opened it')}</h2>
    <p id="conflict-intro">${t('Reload shows HubSpot\'s version and drops your edits. Overwrite saves your edits over these changes; fields you did not edit keep HubSpot\'s values.')}</p>
    <table class="conflict-changes">
      <thead><tr><th scope="col">${t('Field')}</th><th scope="col">${t('When you opened it')}</th><th scope="col">${t('In HubSpot now')}</th><th scope="col">${t('Your edit')}</th></tr></thead>
      <tbody id="conflict-changes"></tbody>
    </table>
    <div class="actions">
      <button type="button" id="conflict-reload">${t('Reload')}</button>
      <button type="button" id="conflict-overwrite" class="secondary">${t('Overwrite')}</button>
    </div>
  </section>

  <div class="field">
    <label for="subject">${t('Subject')} <span class="required" aria-hidden="true">*</span></label>
    <input id="subject" name="subject" type="text" required aria-required="true" aria-describedby="subject-error" autocomplete="off" spellcheck="true">
    <div id="subject-error" class="field-error" hidden></div>
  </div>

  <div class="row">
    <div class="field">
      <label for="dueAt">${t('Due date and time')} <span class="required" aria-hidden="true">*</span></label>
      <input id="dueAt" name="dueAt" type="datetime-local" required aria-required="true" aria-describedby="dueAt-hint dueAt-error">
      <div id="dueAt-hint" class="hint"></div>
      <div id="dueAt-error" class="field-error" hidden></div>
    </div>
    <div class="field">
      <label for="reminderAt">${t('Reminder')}</label>
      <input id="reminderAt" name="reminderAt" type="datetime-local" aria-describedby="reminderAt-hint reminderAt-error">
      <div id="reminderAt-hint" class="hint">${t('Optional. Leave empty for no reminder.')}</div>
      <div id="reminderAt-error" class="field-error" hidden></div>
    </div>
  </div>

  <div class="row">
    <div class="field">
      <label for="status">${t('Status')}</label>
      <select id="status" name="status" aria-describedby="status-error"></select>
      <div id="status-error" class="field-error" hidden></div>
    </div>
    <div class="field">
      <label for="priority">${t('Priority')}</label>
      <select id="priority" name="priority" aria-describedby="priority-error"></select>
      <div id="priority-error" class="field-error" hidden></div>
    </div>
    <div class="field">
      <label for="type">${t('Type')}</label>
      <select id="type" name="type" aria-describedby="type-error"></select>
      <div id="type-error" class="field-error" hidden></div>
    </div>
  </div>

  <div class="field owner">
    <label for="ownerId">${t('Owner')}</label>
    <div class="owner-picker">
      <input id="owner-filter" type="search" autocomplete="off" aria-label="${t('Filter owners by name or email')}" placeholder="${t('Filter owners…')}" aria-controls="ownerId">
      <select id="ownerId" name="ownerId" aria-describedby="ownerId-error"></select>
    </div>
    <div id="ownerId-error" class="field-error" hidden></div>
  </div>

  <div class="field">
    <span id="notes-label" class="label">${t('Notes')}</span>
    <div class="notes-toolbar" role="toolbar" aria-label="${t('Notes formatting')}" aria-controls="notes">
      <button type="button" id="notes-bold" class="tool" title="${t('Bold (Ctrl+B)')}" aria-label="${t('Bold')}"><b>B</b></button>
      <button type="button" id="notes-italic" class="tool" title="${t('Italic (Ctrl+I)')}" aria-label="${t('Italic')}"><i>I</i></button>
      <button type="button" id="notes-underline" class="tool" title="${t('Underline (Ctrl+U)')}" aria-label="${t('Underline')}"><u>U</u></button>
      <button type="button" id="notes-link" class="tool" title="${t('Link')}" aria-label="${t('Link')}">${t('Link')}</button>
      <button type="button" id="notes-unlink" class="tool" title="${t('Remove link')}" aria-label="${t('Remove link')}">${t('Unlink')}</button>
      <button type="button" id="notes-bullets" class="tool" title="${t('Bulleted list')}" aria-label="${t('Bulleted list')}">• ${t('List')}</button>
      <button type="button" id="notes-numbers" class="tool" title="${t('Numbered list')}" aria-label="${t('Numbered list')}">1. ${t('List')}</button>
    </div>
    <div id="notes-link-form" class="notes-link" hidden>
      <input id="notes-link-url" type="url" autocomplete="off" aria-label="${t('Link address (https:, http: or mailto:)')}" placeholder="https://…" aria-describedby="notes-link-error">
      <button type="button" id="notes-link-apply">${t('Add link')}</button>
      <button type="button" id="notes-link-cancel" class="secondary">${t('Cancel')}</button>
      <div id="notes-link-error" class="field-error" role="alert"></div>
    </div>
    <div id="notes" class="notes-editor" contenteditable="true" role="textbox" aria-multiline="true" aria-labelledby="notes-label" aria-describedby="notes-hint notes-error" spellcheck="true"></div>
    <div id="notes-hint" class="hint">${t('Bold, italic, underline, links (https, http, mailto), lists and line breaks. Other formatting and pasted markup are removed; notes you do not change are left exactly as they are in HubSpot.')}</div>
    <div id="notes-error" class="field-error" hidden></div>
  </div>

  <fieldset class="associations" aria-describedby="associations-error">
    <legend>${t('Associated records')}</legend>
    <ul id="associations" class="chips" aria-label="${t('Associated records')}"></ul>
    <p id="associations-empty" class="hint">${t('No contacts, companies or deals yet.')}</p>
    <div class="search-row">
      <div class="field">
        <label for="assoc-type">${t('Record type')}</label>
        <select id="assoc-type">
          <option value="contacts">${t('Contacts')}</option>
          <option value="companies">${t('Companies')}</option>
          <option value="deals">${t('Deals')}</option>
        </select>
      </div>
      <div class="field grow">
        <label for="assoc-search">${t('Find a record to add')}</label>
        <input id="assoc-search" type="search" role="combobox" autocomplete="off" aria-autocomplete="list" aria-expanded="false" aria-controls="assoc-results" aria-describedby="assoc-status" placeholder="${t('Name, email or domain…')}">
      </div>
    </div>
    <ul id="assoc-results" class="results" role="listbox" aria-label="${t('Search results')}" hidden></ul>
    <div id="assoc-status" class="hint" role="status" aria-live="polite"></div>
    <div id="associations-error" class="field-error" hidden></div>
  </fieldset>

  <div class="actions footer">
    <button type="submit" id="save">${t('Save')}</button>
    <button type="button" id="go-to-code" class="secondary" hidden>${t('Go to Code')}</button>
    <span id="save-status" class="hint" role="status" aria-live="polite"></span>
  </div>
</form>
</main>`;
}

/** Strings the script shows itself (not escaped: the script sets them as text). */
export function taskEditorStrings(): Record<string, string> {
  return {
    // Not shown: the display language, so dates in the page read as in the rest of VS Code (tasks/dateFormat.ts).
    locale: displayLocale(),
    subjectRequired: vscode.l10n.t('Enter a subject.'),
    dueRequired: vscode.l10n.t('Enter a due date and time.'),
    dueInvalid: vscode.l10n.t('This is not a valid date and time.'),
    reminderInvalid: vscode.l10n.t('This is not a valid date and time.'),
    timeZone: vscode.l10n.t('Your local time ({0}).', '{0}'),
    noPriority: vscode.l10n.t('None'),
    notSet: vscode.l10n.t('(not set)'),
    unassigned: vscode.l10n.t('Unassigned'),
    noOwnerMatch: vscode.l10n.t('No owner matches the filter.'),
    remove: vscode.l10n.t('Remove {0}', '{0}'),
    searching: vscode.l10n.t('Searching…'),
    noResults: vscode.l10n.t('No matching records.'),
    results: vscode.l10n.t('{0} results. Use the arrow keys and Enter to add one.', '{0}'),
    oneResult: vscode.l10n.t('1 result. Use the arrow keys and Enter to add it.'),
    added: vscode.l10n.t('Added {0}.', '{0}'),
    removed: vscode.l10n.t('Removed {0}.', '{0}'),
    alreadyAdded: vscode.l10n.t('(already added)'),
    contacts: vscode.l10n.t('Contact'),
    companies: vscode.l10n.t('Company'),
    deals: vscode.l10n.t('Deal'),
    linkInvalid: vscode.l10n.t('Enter an address starting with https:, http: or mailto:.'),
    saving: vscode.l10n.t('Saving…'),
    saved: vscode.l10n.t('Saved.'),
    fixErrors: vscode.l10n.t('Fix the highlighted fields, then save again.'),
    empty: vscode.l10n.t('(empty)'),
    notChanged: vscode.l10n.t('(not edited)'),
    'field.subject': vscode.l10n.t('Subject'),
    'field.notes': vscode.l10n.t('Notes'),
    'field.dueAt': vscode.l10n.t('Due date and time'),
    'field.reminderAt': vscode.l10n.t('Reminder'),
    'field.status': vscode.l10n.t('Status'),
    'field.priority': vscode.l10n.t('Priority'),
    'field.type': vscode.l10n.t('Type'),
    'field.ownerId': vscode.l10n.t('Owner'),
    'field.associations': vscode.l10n.t('Associated records'),
  };
}
