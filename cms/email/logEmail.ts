import type { EmailAdapter } from 'payload'

/**
 * No mail server is configured: emails (password resets) are written to the log instead of sent.
 * Replace with an SMTP adapter (`@payloadcms/email-nodemailer`) in a deployment that needs mail.
 */
export const logEmail: EmailAdapter = ({ payload }) => ({
  name: 'log',
  defaultFromAddress: 'noreply@hongse.example',
  defaultFromName: '红色山高',
  sendEmail: async (message) => {
    payload.logger.info({ msg: '邮件未发送（未配置邮件服务），内容记录如下', to: message.to, subject: message.subject, text: message.text })
  },
})
