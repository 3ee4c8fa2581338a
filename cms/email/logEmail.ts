import type { EmailAdapter } from 'payload'

/** The message as plain text: Payload's password-reset email is HTML only, its link in an `href`. */
export function emailText(message: { text?: unknown; html?: unknown }): {
  text: string
  links: string[]
} {
  const html = typeof message.html === 'string' ? message.html : ''
  const links = [...html.matchAll(/href\s*=\s*["']([^"']+)["']/gi)].map((match) =>
    match[1]!.replace(/&amp;/g, '&'),
  )
  const text =
    typeof message.text === 'string' && message.text.trim()
      ? message.text
      : html
          .replace(/<[^>]*>/g, ' ')
          .replace(/&nbsp;/g, ' ')
          .replace(/&amp;/g, '&')
          .replace(/\s+/g, ' ')
          .trim()
  return { text, links }
}

/**
 * No mail server is configured: emails (password resets) are written to the log instead of sent,
 * with their links, so an administrator can pass a reset link on by hand. Replace with an SMTP
 * adapter (`@payloadcms/email-nodemailer`) in a deployment that needs mail.
 */
export const logEmail: EmailAdapter = ({ payload }) => ({
  name: 'log',
  defaultFromAddress: 'noreply@hongse.example',
  defaultFromName: '红色山高',
  sendEmail: async (message) => {
    const { text, links } = emailText(message as { text?: unknown; html?: unknown })
    payload.logger.info({
      msg: '邮件未发送（未配置邮件服务），内容记录如下',
      to: message.to,
      subject: message.subject,
      text,
      links,
    })
  },
})
