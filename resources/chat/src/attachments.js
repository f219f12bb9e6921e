// Files for an app's file inputs (start inputs of type "file"): chosen with the attach
// button, checked against the input's size limit and types here first (the server checks
// again), and sent with the next message as {"name", "type", "data": data URL}.

export function fileInputsOf(inputs) {
  return (Array.isArray(inputs) ? inputs : []).filter((i) => i && i.type === 'file' && typeof i.name === 'string' && i.name);
}

export function sizeText(bytes) {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

// Whether a file fits the input's `accept` list (".csv", "csv", "text/*", "application/pdf").
export function acceptsFile(input, file) {
  const accept = Array.isArray(input.accept) ? input.accept.map((a) => String(a).trim().toLowerCase()).filter(Boolean) : [];
  if (!accept.length) return true;
  const name = String(file.name || '').toLowerCase();
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot) : '';
  const type = String(file.type || '').toLowerCase();
  return accept.some((a) => {
    if (a.startsWith('.')) return a === ext;
    if (!a.includes('/')) return `.${a}` === ext;
    if (a.endsWith('/*')) return type.startsWith(a.slice(0, -1));
    return a === type;
  });
}

// The file's problem for `input` ("" when none), in the page's language.
export function fileProblem(input, file, { T, fmt }) {
  const limit = Number.isFinite(input.maxBytes) && input.maxBytes > 0 ? input.maxBytes : 0;
  if (limit && file.size > limit) return fmt(T.fileTooLarge, { name: file.name, size: sizeText(limit) });
  if (!acceptsFile(input, file)) return fmt(T.fileWrongType, { name: file.name, types: input.accept.join(', ') });
  return '';
}

export function readAsDataUrl(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error || new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

// {inputName: File} -> {inputName: {name, type, data}}
export async function fileValues(files) {
  const out = {};
  for (const [input, file] of files) {
    out[input] = { name: file.name, type: file.type || '', data: await readAsDataUrl(file) };
  }
  return out;
}
