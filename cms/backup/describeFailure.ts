/** Common file-system errors in words an operator reads in the 网站状态 panel (the original kept after). */
const reasons: Record<string, string> = {
  ENOSPC: '磁盘空间不足',
  EDQUOT: '超出磁盘配额',
  EACCES: '没有权限',
  EPERM: '没有权限',
  EROFS: '文件系统只读',
  EEXIST: '路径中有同名文件，无法建立目录',
  ENOTDIR: '路径中有一段不是目录',
  ENOENT: '文件或目录不存在',
  EIO: '磁盘读写错误',
}

export function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const reason = reasons[(error as NodeJS.ErrnoException)?.code ?? '']
  return reason ? `${reason}（${message}）` : message
}
