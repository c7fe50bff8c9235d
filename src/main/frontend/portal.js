// Agir portal: renders a Camunda Forms schema (forms/*.form) with form-js. Two modes:
// - the application form (#formulaire-candidature) autosaves the draft to the server and keeps a copy
//   on this device until the server has it, so that nothing typed is lost (closed tab, expired
//   session, no network);
// - a task form (#formulaire-tache: an opinion, a synthesis…) is prefilled from data-data-url if
//   given, checked on the client, then posted as { data } to data-submit-url; done → data-done-url.
// In both, server errors are shown next to their fields and in a summary linked to them (RGAA 11.10,
// 11.11).
import { Form, MarkdownRenderer } from '@bpmn-io/form-js-viewer';

const FRENCH = {
  'Field is required.': 'Ce champ est obligatoire.',
  'Field must have minimum length of {value}.': 'Au moins {value} caractères.',
  'Field must have maximum length of {value}.': 'Au plus {value} caractères.',
  'Field must have minimum value of {value}.': 'La valeur doit être au moins {value}.',
  'Field must have maximum value of {value}.': 'La valeur doit être au plus {value}.',
  'Field must match pattern {value}.': 'Le format attendu n\'est pas respecté.',
  'Field must be a valid email.': 'Saisissez une adresse e-mail valide.',
  'Value is not a number.': 'Saisissez un nombre.',
  'Value is expected to be an integer.': 'Saisissez un nombre entier.',
  'Value is expected to have at most 1 decimal digit.': 'Au plus une décimale.',
  'Value is expected to have at most {value} decimal digits.': 'Au plus {value} décimales.',
  'Increment': 'Augmenter',
  'Decrement': 'Diminuer',
  'Search': 'Rechercher',
  'No results': 'Aucun résultat',
  'Nothing to show.': 'Rien à afficher.',
};

function translate(template, replacements) {
  const text = FRENCH[template] || template;
  return text.replace(/{([^}]+)}/g, (_, key) => (replacements && key in replacements ? replacements[key] : `{${key}}`));
}

/** "21000" or "1500.5" (as FEEL's string() writes them) → "21 000" or "1 500,50", with non-breaking spaces. */
function frenchAmount(number) {
  const value = Number(number);
  const cents = !Number.isInteger(value);
  return new Intl.NumberFormat('fr-FR', { minimumFractionDigits: cents ? 2 : 0, maximumFractionDigits: 2 })
    .format(value).replace(/\u202f/g, '\u00a0');
}

/** "12.5" or "-3" (a gap in percent, as FEEL writes it) → "12,5" or "-3,0": one decimal, a comma. */
function frenchPercent(number) {
  return new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Number(number))
    .replace(/\u2212/g, '-');
}

/**
 * The schema's texts compute amounts and percentages in FEEL, which knows no French format: "21000 €" is
 * written "21 000 €", and "12.5 %" "12,5 %" with a narrow no-break space (as the summary, review and PDF).
 */
class FrenchMarkdownRenderer extends MarkdownRenderer {
  render(markdown) {
    return super.render(String(markdown)
      .replace(/(-?\d+(?:\.\d+)?) €/g, (_, n) => `${frenchAmount(n)}\u00a0€`)
      .replace(/(-?\d+(?:\.\d+)?) %/g, (_, n) => `${frenchPercent(n)}\u202f%`));
  }
}
FrenchMarkdownRenderer.$inject = [];

const frenchModule = {
  translate: ['value', translate],
  markdownRenderer: ['type', FrenchMarkdownRenderer],
};

/**
 * French people write "1 500" or "1 500,50": form-js' number fields read the spaces as "not a
 * number" and empty the field (its line then drops out of the total). The spaces (also the
 * non-breaking ones a copy from a spreadsheet brings) are taken out before form-js reads the value:
 * this listener runs in the capture phase, before the field's own. form-js already reads the comma.
 */
function acceptFrenchNumbers(root) {
  root.addEventListener('input', (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.closest('.fjs-form-field-number')) return;
    const typed = input.value;
    if (!/[\s\u00a0\u202f]/.test(typed)) return;
    const caret = input.selectionStart;
    const cleaned = typed.replace(/[\s\u00a0\u202f]/g, '');
    const removedBefore = caret == null ? 0 : typed.slice(0, caret).length - typed.slice(0, caret).replace(/[\s\u00a0\u202f]/g, '').length;
    input.value = cleaned;
    if (caret != null) input.setSelectionRange(caret - removedBefore, caret - removedBefore);
  }, true);
}

// form-js delays a field's value by 300 ms and flushes it on blur; under load a submission could
// read the state before the flush (a synthesis saved with its first typed letter only). Every
// keystroke goes to the form's state at once instead: the forms are small, and autosave is debounced here.

function csrfHeaders() {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  return token && header ? { [header.content]: token.content } : {};
}

async function call(method, url, body) {
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: { Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}), ...csrfHeaders() },
    body: body ? JSON.stringify(body) : undefined,
    redirect: 'manual',
  });
  let json = null;
  try { json = await response.json(); } catch (e) { /* no body */ }
  return { ok: response.ok, status: response.status, json };
}

/** Same content, whatever the key order or an empty value written as null, "" or absent. */
function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out = {};
    Object.keys(value).sort().forEach((k) => {
      const v = canonical(value[k]);
      if (v !== null && v !== undefined && v !== '' && !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0)) out[k] = v;
    });
    return out;
  }
  return typeof value === 'number' ? Number(value) : value;
}
const same = (a, b) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** Component ids and labels by data path, and the first field of each group (for errors on a whole year). */
function indexSchema(schema) {
  const byPath = {};
  const walk = (components, prefix) => components.forEach((c) => {
    if (c.type === 'group') {
      const p = c.path ? `${prefix}${c.path}.` : prefix;
      walk(c.components || [], p);
      if (c.path) {
        const first = (c.components || []).find((x) => x.key);
        if (first) byPath[`${prefix}${c.path}`] = { id: first.id, label: c.label };
      }
    } else if (c.key) {
      byPath[`${prefix}${c.key}`] = { id: c.id, label: c.label || c.key };
    }
  });
  walk(schema.components || [], '');
  return byPath;
}

/** "budgets[1].lines.74-DEPARTEMENT" (budget rules) → "budget1.l74_departement" (form path). */
function formPath(key) {
  const m = /^budgets\[(\d+)\](?:\.(lines)(?:\.([\w-]+))?|\.(requestedAmount)|\.(balance))?$/.exec(key);
  if (!m) return key;
  const group = `budget${m[1]}`;
  if (m[3]) return `${group}.l${m[3].toLowerCase().replace(/-/g, '_')}`;
  if (m[4]) return `${group}.l74_departement`;
  return group;
}

/**
 * Shows errors (by data path or by form-js component id) in the summary, each linking to its field,
 * and next to their fields unless form-js already shows them there.
 */
function errorSummary(root, summary, fields, form) {
  return (title, errors, alreadyInline) => {
    summary.innerHTML = '';
    const entries = Object.entries(errors || {});
    if (!title && entries.length === 0) { summary.hidden = true; return; }
    const heading = document.createElement('h2');
    heading.id = 'resume-erreurs-titre';
    heading.textContent = title;
    summary.append(heading);
    const inline = {};
    const list = document.createElement('ul');
    entries.forEach(([key, message]) => {
      const text = Array.isArray(message) ? message.join(' ') : String(message);
      const field = fields[formPath(key)] || Object.values(fields).find((f) => f.id === key);
      const item = document.createElement('li');
      if (field) {
        inline[field.id] = [...(inline[field.id] || []), text];
        const link = document.createElement('a');
        link.href = '#';
        link.textContent = `${field.label} : ${text}`;
        link.addEventListener('click', (event) => {
          event.preventDefault();
          const input = root.querySelector(`[id$="-${field.id}"]`);
          if (input) input.focus();
        });
        item.append(link);
      } else {
        item.textContent = text;
      }
      list.append(item);
    });
    summary.append(list);
    summary.hidden = false;
    if (!alreadyInline && Object.keys(inline).length) form._setState({ errors: { ...form._getState().errors, ...inline } });
    summary.focus();
  };
}

/** form-js' own (client) errors, by component id, or null when the form is valid. */
function clientErrors(form) {
  const { errors } = form.submit();
  return errors && Object.keys(errors).length ? errors : null;
}

function start(root) {
  const { schemaUrl, dataUrl, reviewUrl, draftKey } = root.dataset;
  const status = document.getElementById('etat-enregistrement');
  const summary = document.getElementById('resume-erreurs');
  const submitButton = document.getElementById('deposer');
  const storageKey = `agir.brouillon.${draftKey}`;

  // A submitted application's page has no saving status, no summary of errors and no button.
  const setStatus = (text, offline) => {
    if (!status) return;
    status.textContent = text;
    status.classList.toggle('hors-ligne', !!offline);
  };
  const readBackup = () => { try { return JSON.parse(localStorage.getItem(storageKey)); } catch (e) { return null; } };
  const writeBackup = (data, serverUpdatedAt) => {
    try { localStorage.setItem(storageKey, JSON.stringify({ data, serverUpdatedAt, at: new Date().toISOString() })); } catch (e) { /* storage full or disabled */ }
  };

  Promise.all([call('GET', schemaUrl), call('GET', dataUrl)]).then(async ([schemaResponse, viewResponse]) => {
    if (!schemaResponse.ok || !viewResponse.ok) {
      setStatus('Le formulaire n\'a pas pu être chargé. Rechargez la page ; si cela se reproduit, contactez la DIEESS.', true);
      return;
    }
    const schema = schemaResponse.json;
    const view = viewResponse.json;
    const fields = indexSchema(schema);
    // The campaign's sub-themes by thematic: the form's subTheme radio buttons read them (valuesExpression); they are
    // not the applicant's data, so never sent back; a sub-theme left from another thematic is dropped.
    // « Aucun en particulier » comes first (a radio button cannot be unticked; form-js drops an empty value, hence
    // a value of its own, stored as no sub-theme).
    const NO_SUB_THEME = '(aucun)';
    const subThemeOptions = Object.fromEntries(Object.entries(view.subThemeOptions || {}).map(([thematic, list]) =>
      [thematic, [{ label: 'Aucun en particulier', value: NO_SUB_THEME }, ...list]]));
    const ownData = (data) => {
      const { subThemeOptions: ignored, ...own } = data || {};
      const offered = subThemeOptions[own.thematic] || [];
      if (own.subTheme === NO_SUB_THEME || (own.subTheme && !offered.some((o) => o.value === own.subTheme))) {
        own.subTheme = null;
      }
      return own;
    };
    let serverUpdatedAt = view.updatedAt;
    let current = ownData(view.data);
    let restored = false;
    const backup = readBackup();
    if (view.editable && backup && backup.serverUpdatedAt === serverUpdatedAt && !same(backup.data, current)) {
      current = backup.data;
      restored = true;
    } else if (backup && (!view.editable || backup.serverUpdatedAt !== serverUpdatedAt)) {
      localStorage.removeItem(storageKey);
    }

    const form = new Form({ container: root, additionalModules: [frenchModule], debounce: false });
    acceptFrenchNumbers(root);
    await form.importSchema(schema, { ...current, subThemeOptions });
    if (!view.editable) {
      // The page already says when it was submitted; the form is shown as it was, nothing to do.
      form.setProperty('readOnly', true);
      if (submitButton) submitButton.hidden = true;
      root.dataset.ready = 'true';
      return;
    }

    let dirty = restored;
    let timer = null;
    let inFlight = null;

    const showErrors = errorSummary(root, summary, fields, form);

    const save = async () => {
      if (inFlight) await inFlight;
      if (!dirty) return true;
      dirty = false;
      const sent = current;
      setStatus('Enregistrement…');
      inFlight = call('PUT', dataUrl, { data: sent }).catch(() => ({ ok: false, status: 0, json: null }));
      const result = await inFlight;
      inFlight = null;
      if (result.ok) {
        serverUpdatedAt = result.json.updatedAt;
        writeBackup(current, serverUpdatedAt);
        if (!same(current, sent)) { dirty = true; schedule(); }
        const time = new Date().toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' });
        setStatus(`Brouillon enregistré à ${time}.`);
        return true;
      }
      dirty = true;
      if (result.status === 0) {
        setStatus('Pas de connexion : votre saisie est gardée sur cet appareil et sera enregistrée dès le retour de la connexion.', true);
        schedule(10000);
      } else if ([401, 403].includes(result.status)) {
        setStatus('Votre session a expiré : reconnectez-vous dans un autre onglet. Votre saisie est gardée sur cet appareil.', true);
      } else {
        dirty = false;
        setStatus('Le brouillon n\'a pas été enregistré : corrigez les champs signalés.', true);
        showErrors((result.json && result.json.detail) || 'Certains champs ne sont pas valides.', result.json && result.json.erreurs);
      }
      return false;
    };

    function schedule(delay = 1200) {
      clearTimeout(timer);
      timer = setTimeout(save, delay);
    }

    form.on('changed', (event) => {
      const data = ownData(event.data);
      if (same(data, current)) return;
      current = data;
      writeBackup(current, serverUpdatedAt);
      dirty = true;
      setStatus('Modifications non enregistrées…');
      schedule();
    });

    window.addEventListener('beforeunload', (event) => {
      if (dirty) {
        fetch(dataUrl, { method: 'PUT', keepalive: true, credentials: 'same-origin', headers: { 'Content-Type': 'application/json', ...csrfHeaders() }, body: JSON.stringify({ data: current }) });
        event.preventDefault();
      }
    });

    // The report's pieces are posted by their own forms (a new page): the draft is saved first, so that nothing
    // typed is lost (it also stays on this device until the server has it), and the page is left without a prompt.
    document.querySelectorAll('form[data-enregistrer-avant]').forEach((pieceForm) => {
      pieceForm.addEventListener('submit', async (event) => {
        event.preventDefault();
        clearTimeout(timer);
        pieceForm.querySelectorAll('button').forEach((b) => { b.disabled = true; });
        await save();
        dirty = false;
        HTMLFormElement.prototype.submit.call(pieceForm);
      });
    });

    if (restored) {
      setStatus('Votre saisie qui n\'avait pas encore été enregistrée a été restaurée depuis cet appareil.');
      schedule(0);
    } else {
      setStatus(view.updatedAt ? 'Brouillon enregistré. Vos modifications sont enregistrées automatiquement.' : '');
    }
    root.dataset.ready = 'true';

    // "Relire puis déposer": the form's own checks, the draft saved, then the summary page, where
    // the declaration on honour is ticked and the submission is posted (server side).
    submitButton.addEventListener('click', async () => {
      showErrors(null, {});
      const invalid = clientErrors(form);
      if (invalid) {
        showErrors('Le formulaire contient des erreurs : corrigez-les avant de déposer.', invalid, true);
        return;
      }
      clearTimeout(timer);
      submitButton.disabled = true;
      const saved = await save();
      submitButton.disabled = false;
      if (!saved) {
        // Refused by the server: its errors are shown by save(). Not sent (network, session): say so.
        if (dirty) showErrors('Votre brouillon n\'a pas pu être enregistré : réessayez dans un instant.', {});
        return;
      }
      window.location.assign(reviewUrl);
    });
  });
}

/** A task's form: prefilled, checked here and again on the server, sent once. */
async function startTaskForm(root) {
  const { schemaUrl, dataUrl, submitUrl, doneUrl } = root.dataset;
  const summary = document.getElementById('resume-erreurs');
  const submitButton = document.getElementById('envoyer-tache');
  const [schemaResponse, dataResponse] = await Promise.all([call('GET', schemaUrl),
    dataUrl ? call('GET', dataUrl) : Promise.resolve({ ok: true, json: { data: {} } })]);
  if (!schemaResponse.ok || !dataResponse.ok) {
    summary.textContent = 'Le formulaire n\'a pas pu être chargé. Rechargez la page ; si cela se reproduit, contactez la DIEESS.';
    summary.hidden = false;
    return;
  }
  const form = new Form({ container: root, additionalModules: [frenchModule], debounce: false });
  await form.importSchema(schemaResponse.json, (dataResponse.json && dataResponse.json.data) || {});
  const showErrors = errorSummary(root, summary, indexSchema(schemaResponse.json), form);
  root.dataset.ready = 'true';

  submitButton.addEventListener('click', async () => {
    showErrors(null, {});
    const invalid = clientErrors(form);
    if (invalid) {
      showErrors('Le formulaire contient des erreurs : corrigez-les avant d\'envoyer.', invalid, true);
      return;
    }
    submitButton.disabled = true;
    const result = await call('POST', submitUrl, { data: form.submit().data })
      .catch(() => ({ ok: false, status: 0, json: null }));
    submitButton.disabled = false;
    if (result.ok) {
      window.location.assign(doneUrl);
      return;
    }
    showErrors(result.status === 0 ? 'Pas de connexion : rien n\'est envoyé. Réessayez dans un instant.'
      : [401, 403].includes(result.status) ? 'Votre session a expiré ou vous n\'avez pas accès : reconnectez-vous puis recommencez.'
        : (result.json && result.json.detail) || 'Le formulaire n\'a pas pu être envoyé.', result.json && result.json.erreurs);
  });
}

const root = document.getElementById('formulaire-candidature');
if (root) start(root);
const taskRoot = document.getElementById('formulaire-tache');
if (taskRoot) startTaskForm(taskRoot);
