// Copying to the clipboard works differently across contexts: the async Clipboard API needs a secure context and,
// in an iframe, a permission the host page may not grant. Fall back to the old selection-based copy.

/** Copies `text`; resolves true when some method succeeded, false when the learner must copy it by hand. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* permission refused (e.g. in an LMS iframe): try the fallback */
  }
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.style.position = 'fixed';
  field.style.opacity = '0';
  document.body.append(field);
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    field.remove();
  }
}
