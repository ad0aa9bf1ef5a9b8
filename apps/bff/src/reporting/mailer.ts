import nodemailer from 'nodemailer';

export interface Mail {
  to: string[];
  subject: string;
  text: string;
  attachment: { filename: string; contentType: string; content: Buffer | string };
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/**
 * Mail through the SMTP server of DPM_SMTP_URL (smtp://host:port, smtps://… for implicit TLS,
 * user:password@ in the URL when the server wants them), with nodemailer.
 */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        attachments: [mail.attachment],
      });
    },
  };
}
