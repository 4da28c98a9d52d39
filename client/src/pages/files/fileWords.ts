/** How a file's kind and size read (files:type.*). */
const TYPE_KEY: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'application/ofd': 'ofd',
};

export const typeKey = (mediaType: string) => `type.${TYPE_KEY[mediaType] ?? 'other'}`;

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const isImage = (mediaType: string) => mediaType.startsWith('image/');
