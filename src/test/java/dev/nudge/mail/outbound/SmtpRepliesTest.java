package dev.nudge.mail.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.mail.outbound.SendFailure.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmtpRepliesTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            550 | 5.1.1 The email account that you tried to reach does not exist      | RECIPIENT_REJECTED
            550 | 5.7.1 Message rejected as spam by Content Filtering                 | RECIPIENT_REJECTED
            553 | 5.1.3 Recipient address is not a valid RFC 5321 address             | RECIPIENT_REJECTED
            552 | 5.2.2 The email account that you tried to reach is over quota       | RECIPIENT_REJECTED
            552 | Requested mail action aborted: mailbox full                         | RECIPIENT_REJECTED
            554 | 5.7.1 Relay access denied                                           | RECIPIENT_REJECTED
            450 | 4.2.1 The user you are trying to contact is receiving mail too fast | TRANSIENT
            451 | 4.7.1 Greylisted, please try again later                            | TRANSIENT
            452 | 4.2.2 The email account that you tried to reach is over quota       | TRANSIENT
            421 | 4.7.0 Try again later, closing connection.                          | TRANSIENT
            451 | 4.3.0 Mail server temporarily rejected message.                     | TRANSIENT
            -1  | [EOF]                                                               | TRANSIENT
            0   |                                                                     | TRANSIENT
            550 | 5.4.5 Daily user sending limit exceeded.                            | MAILBOX_BLOCKED
            550 | 5.4.5 Daily user sending quota exceeded.                            | MAILBOX_BLOCKED
            554 | 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException | MAILBOX_BLOCKED
            421 | 4.7.0 Our system has detected an unusual rate limit exceeded        | MAILBOX_BLOCKED
            454 | 4.7.0 Too many login attempts, please try again later.              | MAILBOX_BLOCKED
            550 | 5.7.1 Sending limit reached for this account                        | MAILBOX_BLOCKED
            535 | 5.7.8 Username and Password not accepted.                           | MAILBOX_BLOCKED
            535 | 5.7.3 Authentication unsuccessful                                   | MAILBOX_BLOCKED
            530 | 5.7.57 Client not authenticated to send mail.                       | MAILBOX_BLOCKED
            550 | 5.7.60 SMTP; Client does not have permissions to send as this sender | MAILBOX_BLOCKED
            535 | 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. | MAILBOX_BLOCKED
            """)
    void classifies_real_world_replies(int code, String text, Kind expected) {
        assertThat(SmtpReplies.classify(code, text)).isEqualTo(expected);
    }

    @Test
    void multi_line_gmail_quota_reply_is_a_blocked_mailbox() {
        String reply = "550-5.4.5 Daily user sending limit exceeded. For more information on Gmail\n"
                + "550 5.4.5 sending limits go to https://support.google.com/a/answer/166852";

        assertThat(SmtpReplies.classify(550, reply)).isEqualTo(Kind.MAILBOX_BLOCKED);
    }

    @Test
    void a_permanent_refusal_of_our_sender_address_blocks_the_mailbox_not_the_recipient() {
        assertThat(SmtpReplies.classify("MAIL FROM:<me@example.com>", 553, "5.7.1 Sender address rejected"))
                .isEqualTo(Kind.MAILBOX_BLOCKED);
        assertThat(SmtpReplies.classify("RCPT TO:<you@example.com>", 553, "5.7.1 Recipient address rejected"))
                .isEqualTo(Kind.RECIPIENT_REJECTED);
        assertThat(SmtpReplies.classify("MAIL FROM:<me@example.com>", 451, "4.3.0 Try later"))
                .isEqualTo(Kind.TRANSIENT);
    }
}
