import React from 'react'

const red = '#b71c1c'

/** The 红色山高 mark: a red square with a stylised mountain, used as the admin icon. */
export function BrandIcon() {
  return (
    <svg
      width="100%"
      height="100%"
      viewBox="0 0 28 28"
      role="img"
      aria-label="红色山高"
      style={{ maxWidth: 28, maxHeight: 28 }}
    >
      <rect width="28" height="28" rx="5" fill={red} />
      <path d="M4 21 L11 9 L15 15 L18 11 L24 21 Z" fill="#ffd54f" />
    </svg>
  )
}

/** The login-screen logo: the mark with the brand's name. */
export function BrandLogo() {
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
      <div style={{ width: 28, height: 28 }}>
        <BrandIcon />
      </div>
      <div>
        <div style={{ fontSize: 24, fontWeight: 700, color: red, letterSpacing: 2 }}>红色山高</div>
        <div style={{ fontSize: 13, opacity: 0.7 }}>楼宇综合党委 · 内容管理系统</div>
      </div>
    </div>
  )
}
