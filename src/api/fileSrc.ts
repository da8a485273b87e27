// A stored file id as an <Image> src: cloud:// ids go to <Image> as they are (weapp); the
// local dev server's `local:<path>` ids are served at /files/<path> (H5).
export function fileSrc(fileId: string): string {
  return fileId.startsWith('local:') ? `/files/${fileId.slice('local:'.length)}` : fileId;
}
