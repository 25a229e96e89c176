// The playground of `rubric serve`: a rubric editor checked as you type, and an evidence form scored as you fill it.
// Everything it knows comes from the server's JSON API (docs/playground.md); it loads nothing from other sites.
'use strict';

const token = document.querySelector('meta[name="rubric-token"]').content;

const texts = {
  zh: {
    title: 'RubricEngine 考核细则工作台', editorTab: '编辑细则', formTab: '填写材料', language: '语言',
    open: '打开', saveTo: '保存到', save: '保存', saveWithErrors: '有错误也保存', diff: '与已保存的比较',
    problems: '问题', maxima: '各行分值', line: '行', points: '分值', maximum: '最高可得', changes: '改动',
    unit: '单位', year: '年度', exportJson: '导出 JSON', exportYaml: '导出 YAML', loadEvidence: '载入材料',
    total: '总分', noProblems: '没有问题', saved: '已保存', hasErrors: '有错误，未保存；勾选“有错误也保存”可强制保存',
    noChanges: '与已保存的文件相同', builtIn: '内置', months: '月', quarter: '季度', add: '添加', remove: '删除',
    item: '项目', level: '级别', checking: '检查中…', missing: '缺项', base: '基础分', bonus: '加分',
    unitType: '单位类型', vetoes: '一票否决', grade: '等级', choose: '请选择', row: '行', column: '列',
    ticksMet: '勾选＝已符合', ticksMissing: '勾选＝缺少', rangePoints: '评定分数', noGrade: '无等级',
  },
  en: {
    title: 'RubricEngine rubric playground', editorTab: 'Edit rubric', formTab: 'Fill evidence', language: 'Language',
    open: 'Open', saveTo: 'Save to', save: 'Save', saveWithErrors: 'save with errors', diff: 'What changed',
    problems: 'Problems', maxima: 'Points per line', line: 'line', points: 'points', maximum: 'maximum', changes: 'Changes',
    unit: 'Unit', year: 'Year', exportJson: 'Export JSON', exportYaml: 'Export YAML', loadEvidence: 'Load evidence',
    total: 'Total', noProblems: 'no problems', saved: 'saved', hasErrors: 'has errors, not saved; tick "save with errors" to save anyway',
    noChanges: 'the same as the saved file', builtIn: 'built-in', months: 'month', quarter: 'quarter', add: 'Add', remove: 'Remove',
    item: 'item', level: 'level', checking: 'checking…', missing: 'missing', base: 'base', bonus: 'bonus',
    unitType: 'Unit type', vetoes: 'Vetoes', grade: 'Grade', choose: 'choose', row: 'row', column: 'column',
    ticksMet: 'ticked = met', ticksMissing: 'ticked = missing', rangePoints: 'points given', noGrade: 'no grade',
  },
};

let lang = 'zh';
const t = key => texts[lang][key] || key;
const $ = id => document.getElementById(id);

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'text') node.textContent = value; else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

async function api(method, url, body, headers) {
  const response = await fetch(url, {
    method,
    headers: Object.assign(body === undefined ? {} : { 'Content-Type': 'application/json' }, headers || {}),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let data = null;
  try { data = await response.json(); } catch (e) { data = { error: response.statusText }; }
  return { status: response.status, data };
}

function setStatus(message, isError) {
  $('status').textContent = message || '';
  $('status').className = isError ? 'error' : '';
}

function translate() {
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll('[data-text]')) node.textContent = t(node.dataset.text);
}

// ---- the rubric list, shared by both panels: value "id:village" (built in) or "path:sub/x.yaml" (in --root) ----

let rubrics = [];

async function loadRubricList() {
  const { data } = await api('GET', '/api/rubrics');
  rubrics = data.rubrics || [];
  for (const select of [$('editor-rubric'), $('form-rubric')]) {
    select.replaceChildren(...rubrics.map(r => element('option',
      { value: r.source === 'built-in' ? 'id:' + r.id : 'path:' + r.path },
      r.source === 'built-in' ? `${r.id} (${t('builtIn')}) ${r.title || ''}` : `${r.path} ${r.title || ''}`)));
  }
}

function choice(value) {
  return value.startsWith('id:') ? { rubric_id: value.slice(3) } : { rubric_path: value.slice(5) };
}

// ---- the editor ----

let lastCheck = null;

function annotation(cm, d) {
  const line = Math.max(0, d.line - 1);
  const from = Math.max(0, d.column - 1);
  const text = cm.getLine(line) || '';
  let to = from;
  while (to < text.length && /[\w.\-]/.test(text[to])) to++;
  return {
    from: CodeMirror.Pos(line, from),
    to: CodeMirror.Pos(line, Math.max(to, from + 1)),
    message: `${d.code}: ${d.message}`,
    severity: d.severity,
  };
}

function showDiagnostics(diagnostics) {
  const list = $('diagnostics');
  if (diagnostics.length === 0) {
    list.replaceChildren(element('li', { class: 'none', text: t('noProblems') }));
    return;
  }
  list.replaceChildren(...diagnostics.map(d => {
    const item = element('li', { class: d.severity, 'data-code': d.code, 'data-line': d.line, 'data-column': d.column },
      `${d.line}:${d.column} ${d.code} ${d.message}`);
    item.addEventListener('click', () => { editor.setCursor(d.line - 1, d.column - 1); editor.focus(); });
    return item;
  }));
}

function showMaxima(lines) {
  $('maxima').tBodies[0].replaceChildren(...lines.map(l => element('tr', { 'data-line': l.id },
    element('td', { text: l.id }), element('td', { class: 'number', text: String(l.points) }),
    element('td', { class: 'number', text: l.maximum === null ? '—' : String(l.maximum) }))));
  // The maximum beside each line's `- id:` in the editor's own gutter.
  editor.clearGutter('maxima-gutter');
  const byId = new Map(lines.map(l => [l.id, l]));
  editor.eachLine(handle => {
    const match = /^\s*-\s*id:\s*["']?([\w\-]+)/.exec(handle.text);
    const line = match && byId.get(match[1]);
    // An uncapped line (maximum null) has no most it can award: no marker.
    if (line && line.maximum !== null) {
      editor.setGutterMarker(handle, 'maxima-gutter', element('span', { class: 'line-maximum', title: `${t('points')} ${line.points}`,
        text: `≤ ${line.maximum}` }));
    }
  });
}

async function checkRubric(text, update, options, cm) {
  const { status, data } = await api('POST', '/api/check', { rubric: text, lang });
  if (status !== 200) {
    setStatus(data.error, true);
    update([]);
    return;
  }
  lastCheck = data;
  showDiagnostics(data.diagnostics);
  if (data.ok) showMaxima(data.lines);
  update(data.diagnostics.map(d => annotation(cm, d)));
}

const editor = CodeMirror($('editor'), {
  mode: 'yaml',
  lineNumbers: true,
  tabSize: 2,
  indentWithTabs: false,
  extraKeys: { Tab: cm => cm.replaceSelection('  ') },
  gutters: ['CodeMirror-lint-markers', 'CodeMirror-linenumbers', 'maxima-gutter'],
  // Checked 400 ms after the last key: a whole rubric is checked in milliseconds, but not on every key.
  lint: { getAnnotations: checkRubric, async: true, delay: 400 },
});

async function openRubric() {
  const value = $('editor-rubric').value;
  if (!value) return;
  const query = value.startsWith('id:') ? 'id=' + encodeURIComponent(value.slice(3)) : 'path=' + encodeURIComponent(value.slice(5));
  const { status, data } = await api('GET', '/api/rubric?' + query);
  if (status !== 200) { setStatus(data.error, true); return; }
  editor.setValue(data.text);
  $('save-path').value = data.path || `${data.id}.yaml`;
  $('changes').replaceChildren();
  setStatus('');
}

async function saveRubric() {
  const body = { path: $('save-path').value, rubric: editor.getValue(), save_with_errors: $('save-with-errors').checked, lang };
  const { status, data } = await api('POST', '/api/save', body, { 'X-Rubric-Token': token });
  if (status === 200) { setStatus(`${t('saved')}: ${data.saved}`); await loadRubricList(); return; }
  if (status === 422) { showDiagnostics(data.diagnostics); setStatus(t('hasErrors'), true); return; }
  setStatus(data.error, true);
}

async function showChanges() {
  const { status, data } = await api('POST', '/api/diff', { path: $('save-path').value, rubric: editor.getValue(), lang });
  const box = $('changes');
  if (status !== 200) { box.replaceChildren(element('p', { text: data.error })); return; }
  if (!data.ok) { showDiagnostics(data.diagnostics); box.replaceChildren(); return; }
  const changes = [...data.diff.sections.map(s => ({ line: s.name, kind: s.kind, fields: s.fields })),
    ...data.diff.parts.map(p => ({ line: `${p.part} ${p.id}`, kind: p.kind, fields: p.fields })), ...data.diff.changes];
  if (changes.length === 0) { box.replaceChildren(element('p', { class: 'change', text: t('noChanges') })); return; }
  box.replaceChildren(...changes.map(c => element('div', { class: 'change' },
    element('b', { text: `${c.kind} ${c.line}` }),
    element('ul', {}, ...c.fields.map(f => element('li', {}, element('code', { text: f.field }),
      `: ${f.old === null ? '—' : f.old} → ${f.new === null ? '—' : f.new}`))))));
}

// ---- the evidence form ----

let form = null;
let scoreTimer = null;

function fieldName(line, key) { return `${line}.${key}`; }

function periodBoxes(line, field, count, word) {
  const box = element('span', { class: 'periods' });
  for (let n = 1; n <= count; n++) {
    box.append(element('label', {}, element('input', { type: 'checkbox', name: fieldName(line, field.key), value: n }),
      lang === 'zh' ? `${n}${word === 'month' ? '月' : '季度'}` : `${word} ${n}`));
  }
  return box;
}

function levelSelect(field, value) {
  return element('select', { class: 'level' }, ...field.allowed.map(a => element('option', { value: a.id, selected: a.id === value }, a.label)));
}

function publicationRow(field, item, level) {
  const row = element('div', { class: 'row' },
    element('input', { class: 'item', placeholder: t('item'), value: item || '' }), levelSelect(field, level),
    element('button', { type: 'button', class: 'remove', text: t('remove') }));
  row.querySelector('.remove').addEventListener('click', () => { row.remove(); scheduleScore(); });
  return row;
}

// A grid entry: the item, its row, and a column among the cells that row has (a missing cell does not exist).
function gridRow(field, item, rowId, columnId) {
  const rowSelect = element('select', { class: 'grid-row' }, ...field.rows.map(r => element('option', { value: r.id, selected: r.id === rowId }, r.label)));
  const columnSelect = element('select', { class: 'grid-column' });
  const offerColumns = chosen => {
    const cells = (field.rows.find(r => r.id === rowSelect.value) || { columns: [] }).columns;
    columnSelect.replaceChildren(...field.columns.filter(c => cells.includes(c.id))
      .map(c => element('option', { value: c.id, selected: c.id === chosen }, c.label)));
  };
  offerColumns(columnId);
  rowSelect.addEventListener('change', () => offerColumns(columnSelect.value));
  const row = element('div', { class: 'row' },
    element('input', { class: 'item', placeholder: t('item'), value: item || '' }), rowSelect, columnSelect,
    element('button', { type: 'button', class: 'remove', text: t('remove') }));
  row.querySelector('.remove').addEventListener('click', () => { row.remove(); scheduleScore(); });
  return row;
}

function listEditor(name, makeRow) {
  const list = element('div', { class: 'entries', 'data-name': name });
  const add = element('button', { type: 'button', class: 'add', text: t('add') });
  add.addEventListener('click', () => { list.insertBefore(makeRow(), add); scheduleScore(); });
  list.append(add);
  return list;
}

// A category: the table's rows by their labels; a row scored within a range asks for the points, within [min, max].
function categoryInput(name, field) {
  const select = element('select', { name, class: 'category' }, element('option', { value: '', text: `— ${t('choose')} —` }),
    ...field.rows.map(r => element('option', { value: r.id, 'data-min': r.min, 'data-max': r.max },
      r.min === null ? r.label : `${r.label} (${r.min} – ${r.max})`)));
  const points = element('input', { type: 'number', class: 'category-points', name: name + '#points', step: 'any', disabled: true, 'aria-label': t('rangePoints') });
  const hint = element('span', { class: 'hint' });
  const offerPoints = () => {
    const row = field.rows.find(r => r.id === select.value);
    const ranged = row !== undefined && row.min !== null;
    points.disabled = !ranged;
    points.hidden = !ranged;
    if (ranged) { points.min = row.min; points.max = row.max; } else points.value = '';
    hint.textContent = ranged ? ` ${t('rangePoints')} ${row.min} – ${row.max}` : '';
  };
  select.addEventListener('change', offerPoints);
  offerPoints();
  return element('span', {}, select, ' ', points, hint);
}

function input(line, field) {
  const name = fieldName(line.id, field.key);
  const range = field.max === null ? `≥ ${field.min}` : `${field.min} – ${field.max}`;
  switch (field.kind) {
    case 'Flag':
      return element('input', { type: 'checkbox', name });
    case 'Months':
      return periodBoxes(line.id, field, 12, 'month');
    case 'Quarters':
      return periodBoxes(line.id, field, 4, 'quarter');
    case 'Count':
    case 'Amount':
      return element('span', {}, element('input', { type: 'number', name, min: field.min, max: field.max, step: field.kind === 'Count' ? 1 : 'any' }),
        element('span', { class: 'hint', text: ` ${range}` }));
    case 'Percent':
      // Typed as a number, written to the evidence with its % sign (76.5%), as the engine reads percentages.
      return element('span', {}, element('input', { type: 'number', name, min: field.min, max: field.max, step: 'any' }), ' %',
        element('span', { class: 'hint', text: ` ${field.min}% – ${field.max}%` }));
    case 'Publications':
      return listEditor(name, () => publicationRow(field));
    case 'Category':
      return categoryInput(name, field);
    case 'Grid':
      return listEditor(name, () => gridRow(field));
    case 'ItemIds':
      // The same boxes mean "missing" for per_missing and all_of, "met" for a met table: the label says which.
      return element('span', { class: 'periods' }, element('span', { class: 'ticks hint', text: t(field.lists_met ? 'ticksMet' : 'ticksMissing') }),
        ...field.allowed.map(a => element('label', {}, element('input', { type: 'checkbox', name, value: a.id }), a.label)));
    default:
      // A kind this page does not know yet (the rubric language grows): plain text, with the engine's description of it.
      return element('span', {}, element('input', { type: 'text', name, 'data-kind': field.kind }), element('span', { class: 'hint', text: ` ${field.description}` }));
  }
}

// The rubric-level evidence: the unit's type (when the rubric declares types) and a checkbox per veto.
function unitRules(description) {
  if (description.unit_types.length === 0 && description.vetoes.length === 0) return null;
  const types = description.unit_types.length === 0 ? null : element('div', { class: 'field', 'data-key': 'unit_type' },
    element('label', {}, element('span', { text: t('unitType') + ' ' }),
      element('select', { id: 'unit-type' }, element('option', { value: '', text: `— ${t('choose')} —` }),
        ...description.unit_types.map(u => element('option', { value: u.id }, u.label)))));
  const vetoes = description.vetoes.length === 0 ? null : element('div', { class: 'field', 'data-key': 'vetoes' },
    element('span', { text: t('vetoes') + ' ' }),
    element('span', { class: 'periods' }, ...description.vetoes.map(v => element('label', {},
      element('input', { type: 'checkbox', name: 'veto', value: v.key }), v.label))));
  return element('fieldset', { id: 'unit-rules' }, element('legend', { text: [types && t('unitType'), vetoes && t('vetoes')].filter(Boolean).join(' · ') }), types, vetoes);
}

function buildForm(description) {
  form = description;
  const container = $('evidence-form');
  container.replaceChildren(...[unitRules(description)].filter(Boolean), ...description.lines.filter(l => l.fields.length > 0).map(line => element('fieldset', { 'data-line': line.id },
    element('legend', { text: `${line.section} · ${line.id} (${line.points})` }),
    element('div', { class: 'hint', text: line.content }),
    ...line.fields.map(field => element('div', { class: 'field', 'data-key': field.key, 'data-kind': field.kind },
      element('label', {}, element('span', { text: field.label + ' ' }), input(line, field)))))));
}

function entries(name) {
  return [...$('evidence-form').querySelectorAll(`[data-name="${CSS.escape(name)}"] .row`)];
}

function valueOf(line, field) {
  const name = fieldName(line.id, field.key);
  const boxes = [...$('evidence-form').querySelectorAll(`[name="${CSS.escape(name)}"]`)];
  switch (field.kind) {
    case 'Flag': return boxes[0].checked;
    case 'Months': case 'Quarters': return boxes.filter(b => b.checked).map(b => Number(b.value));
    case 'ItemIds': return boxes.filter(b => b.checked).map(b => b.value);
    case 'Count': case 'Amount': return boxes[0].value === '' ? undefined : Number(boxes[0].value);
    case 'Percent': return boxes[0].value === '' ? undefined : `${boxes[0].value}%`;
    case 'Category': {
      const row = field.rows.find(r => r.id === boxes[0].value);
      if (row === undefined) return undefined;
      if (row.min === null) return row.id;
      const points = $('evidence-form').querySelector(`[name="${CSS.escape(name + '#points')}"]`).value;
      // Without the points the engine says to give them (the card shows it), rather than the page guessing.
      return points === '' ? { category: row.id } : { category: row.id, points: Number(points) };
    }
    case 'Publications':
      return entries(name).map(row => ({ item: row.querySelector('.item').value, level: row.querySelector('.level').value }));
    case 'Grid':
      return entries(name).map(row => ({ item: row.querySelector('.item').value, row: row.querySelector('.grid-row').value, column: row.querySelector('.grid-column').value }));
    default: {
      const text = boxes[0].value.trim();
      if (text === '') return undefined;
      const number = Number(text);
      return Number.isFinite(number) ? number : text;
    }
  }
}

/** The form as an evidence document: every key it shows, except numbers left empty (not given). */
function evidence() {
  const lines = {};
  for (const line of form.lines) {
    for (const field of line.fields) {
      const value = valueOf(line, field);
      if (value === undefined) continue;
      (lines[line.id] = lines[line.id] || {})[field.key] = value;
    }
  }
  const document = { rubric: form.id, unit: $('unit').value || '—' };
  if (form.unit_types.length > 0 && $('unit-type').value !== '') document.unit_type = $('unit-type').value;
  if ($('year').value !== '') document.year = Number($('year').value);
  // Every veto written, false when not ticked: like the checkboxes of the lines, a complete answer.
  if (form.vetoes.length > 0) document.vetoes = Object.fromEntries(vetoBoxes().map(b => [b.value, b.checked]));
  document.lines = lines;
  return document;
}

function vetoBoxes() {
  return [...$('evidence-form').querySelectorAll('input[name="veto"]')];
}

function fill(document) {
  $('unit').value = document.unit || '';
  $('year').value = document.year === undefined ? '' : document.year;
  if (form.unit_types.length > 0) $('unit-type').value = document.unit_type || '';
  vetoBoxes().forEach(b => { b.checked = (document.vetoes || {})[b.value] === true; });
  for (const line of form.lines) {
    const given = (document.lines || {})[line.id] || {};
    for (const field of line.fields) {
      const value = given[field.key];
      const name = fieldName(line.id, field.key);
      const boxes = [...$('evidence-form').querySelectorAll(`[name="${CSS.escape(name)}"]`)];
      if (field.kind === 'Flag') boxes[0].checked = value === true;
      else if (['Months', 'Quarters', 'ItemIds'].includes(field.kind)) boxes.forEach(b => { b.checked = (value || []).map(String).includes(b.value); });
      else if (field.kind === 'Publications' || field.kind === 'Grid') {
        const list = $('evidence-form').querySelector(`[data-name="${CSS.escape(name)}"]`);
        list.querySelectorAll('.row').forEach(r => r.remove());
        for (const p of value || []) {
          list.insertBefore(field.kind === 'Grid' ? gridRow(field, p.item, p.row, p.column) : publicationRow(field, p.item, p.level), list.querySelector('.add'));
        }
      } else if (field.kind === 'Category') {
        const chosen = typeof value === 'object' && value !== null ? value : { category: value };
        boxes[0].value = chosen.category || '';
        boxes[0].dispatchEvent(new Event('change'));
        if (chosen.points !== undefined) $('evidence-form').querySelector(`[name="${CSS.escape(name + '#points')}"]`).value = chosen.points;
      } else if (field.kind === 'Percent') boxes[0].value = value === undefined ? '' : String(value).replace(/%$/, '');
      else boxes[0].value = value === undefined ? '' : value;
    }
  }
  scheduleScore();
}

// YAML flow text of a value: a percentage stays a plain scalar (76.5%), as the engine reads percentages; other text is quoted.
function flow(value) {
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (typeof value === 'object' && value !== null) return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${flow(v)}`).join(', ')} }`;
  if (typeof value === 'string') return /^\d+(\.\d+)?%$/.test(value) ? value : JSON.stringify(value);
  return String(value);
}

function yamlOf(document) {
  const out = [`# evidence for ${form.title}, written by rubric serve; score it with: rubric score --rubric ${form.id} <this file>`];
  for (const key of ['rubric', 'unit', 'unit_type', 'year', 'vetoes']) if (document[key] !== undefined) out.push(`${key}: ${flow(document[key])}`);
  out.push('lines:');
  for (const [line, keys] of Object.entries(document.lines)) {
    out.push(`  ${line}:`);
    for (const [key, value] of Object.entries(keys)) {
      // A list of entries (publications, grid entries) one a line; everything else on the key's own line.
      if (Array.isArray(value) && value.length > 0 && typeof value[0] === 'object') {
        out.push(`    ${key}:`);
        for (const entry of value) out.push(`      - ${flow(entry)}`);
      } else out.push(`    ${key}: ${flow(value)}`);
    }
  }
  return out.join('\n') + '\n';
}

function download(name, text, type) {
  const link = element('a', { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
}

function scheduleScore() {
  clearTimeout(scoreTimer);
  scoreTimer = setTimeout(score, 250);
}

async function score() {
  const { status, data } = await api('POST', '/api/score', Object.assign(choice($('form-rubric').value), { evidence: JSON.stringify(evidence()), lang }));
  const problems = $('card-problems');
  if (status !== 200) {
    $('total').textContent = '';
    problems.replaceChildren(...(data.diagnostics || [{ message: data.error }]).map(d => element('li', { text: d.code ? `${d.code} ${d.message}` : d.message })));
    return;
  }
  problems.replaceChildren();
  $('total').textContent = String(data.total);
  // Grade, unit type and the vetoes that applied, each with its reason: only for a rubric that declares them.
  $('grade').textContent = data.grade === undefined ? '' : data.grade === null ? t('noGrade') : data.grade.label;
  $('grade').dataset.grade = data.grade ? data.grade.id : '';
  const type = form && form.unit_types.find(u => u.id === data.unit_type);
  $('card-unit-type').textContent = type ? `${t('unitType')}: ${type.label}` : '';
  $('card-vetoes').replaceChildren(...(data.vetoes || []).map(v => element('li', { 'data-key': v.key, text: v.reason })));
  $('total').title = `${t('base')} ${data.base_total} + ${t('bonus')} ${data.bonus_total}`;
  $('card-lines').replaceChildren(...data.lines.map(l => element('div', { class: 'card-line', 'data-line': l.id },
    element('b', { text: `${l.score}${l.bonus ? ' + ' + l.bonus : ''} / ${l.points}` }), element('span', { text: `${l.section} · ${l.id}` }),
    element('ul', {}, ...l.reasons.map(r => element('li', { text: r }))))));
}

async function loadForm() {
  const value = $('form-rubric').value;
  if (!value) return;
  const { status, data } = await api('POST', '/api/form', Object.assign(choice(value), { lang }));
  if (status !== 200) {
    $('evidence-form').replaceChildren(element('p', { text: data.error || (data.diagnostics || []).map(d => `${d.code} ${d.message}`).join('\n') }));
    return;
  }
  buildForm(data);
  await score();
}

// ---- wiring ----

function showTab(name) {
  $('editor-panel').hidden = name !== 'editor';
  $('form-panel').hidden = name !== 'form';
  $('tab-editor').classList.toggle('active', name === 'editor');
  $('tab-form').classList.toggle('active', name === 'form');
  if (name === 'editor') editor.refresh();
  if (name === 'form' && !form) loadForm();
}

$('tab-editor').addEventListener('click', () => showTab('editor'));
$('tab-form').addEventListener('click', () => showTab('form'));
$('lang').addEventListener('change', () => {
  lang = $('lang').value;
  translate();
  editor.performLint();
  if (form) loadForm();
});
$('open').addEventListener('click', openRubric);
$('save').addEventListener('click', saveRubric);
$('diff').addEventListener('click', showChanges);
$('form-rubric').addEventListener('change', loadForm);
$('evidence-form').addEventListener('input', scheduleScore);
$('evidence-form').addEventListener('change', scheduleScore);
$('unit').addEventListener('input', scheduleScore);
$('year').addEventListener('input', scheduleScore);
$('export-json').addEventListener('click', () => download(`${form.id}-evidence.json`, JSON.stringify(evidence(), null, 2) + '\n', 'application/json'));
$('export-yaml').addEventListener('click', () => download(`${form.id}-evidence.yaml`, yamlOf(evidence()), 'application/yaml'));
$('load-evidence').addEventListener('change', async event => {
  const file = event.target.files[0];
  if (!file) return;
  // Read by the engine, YAML or JSON alike, with the same checks as scoring it; errors are shown as the card's are.
  const { status, data } = await api('POST', '/api/evidence', Object.assign(choice($('form-rubric').value), { evidence: await file.text(), lang }));
  event.target.value = '';
  if (status === 200) { fill(data.evidence); return; }
  $('card-problems').replaceChildren(...(data.diagnostics || [{ message: data.error }]).map(d => element('li', { text: d.code ? `${file.name}(${d.line},${d.column}): ${d.code} ${d.message}` : d.message })));
});

translate();
loadRubricList().then(() => {
  const village = [...$('editor-rubric').options].find(o => o.value === 'id:village');
  if (village) { $('editor-rubric').value = village.value; $('form-rubric').value = village.value; }
  return openRubric();
}).then(() => document.body.setAttribute('data-ready', 'true'));
