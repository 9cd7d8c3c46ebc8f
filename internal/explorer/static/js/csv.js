// CSV for spreadsheet users: RFC 4180 quoting, and cells that a spreadsheet
// would run as a formula are prefixed with an apostrophe.

function cell(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = "'" + text;
  return /[",\r\n]/.test(text) ? '"' + text.replaceAll('"', '""') + '"' : text;
}

// toCSV renders rows under a header line; columns are {title, text(row)}.
export function toCSV(columns, rows) {
  const lines = [columns.map((c) => cell(c.title))];
  for (const row of rows) lines.push(columns.map((c) => cell(c.text(row))));
  return lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
}

// download offers text as a file.
export function download(filename, text) {
  const url = URL.createObjectURL(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
