package dev.nudge.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Machine-readable reports: bounces, complaints, delay and read notices. */
class ClassifierReportsTest {

    static final String OUR_ID = "step1.42@nudge.test";

    private final Classifier classifier = new Classifier(Set.of("sales@nudge.test"));

    private Verdict classify(String message) {
        return classifier.classify(Messages.raw(message));
    }

    @Test
    void a_bounce_carrying_our_message_names_its_message_id() {
        Verdict v = classify("""
                From: Mail Delivery System <MAILER-DAEMON@mx.example.org>
                To: sales@nudge.test
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                Content-Type: multipart/report; report-type=delivery-status; boundary="r"

                --r
                Content-Type: text/plain

                I'm sorry to have to inform you that your message could not be delivered.

                --r
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.org

                Final-Recipient: rfc822; Gone@Example.org
                Original-Recipient: rfc822;gone@example.org
                Action: failed
                Status: 5.0.0
                Diagnostic-Code: smtp; 550 5.1.1 <gone@example.org>: Recipient address rejected: User unknown

                --r
                Content-Type: message/rfc822

                From: Sales <sales@nudge.test>
                To: gone@example.org
                Subject: Proposal
                Message-ID: <%s>

                Hello!
                --r--
                """.formatted(OUR_ID));

        assertThat(v).isEqualTo(new Verdict(MessageKind.BOUNCE, BounceType.HARD, "5.1.1", "gone@example.org", null,
                OUR_ID, "multipart/report delivery-status, Action: failed, Status: 5.1.1, Diagnostic-Code: \"smtp; 550"
                        + " 5.1.1 <gone@example.org>: Recipient address rejected: User unknown\""));
    }

    @Test
    void a_bounce_with_only_the_original_headers_names_its_message_id_too() {
        Verdict v = classify("""
                From: postmaster@example.org
                Subject: Delivery Status Notification (Failure)
                Content-Type: multipart/report; report-type=delivery-status; boundary="r"

                --r
                Content-Type: message/delivery-status

                Final-Recipient: rfc822;full@example.org
                Action: failed
                Status: 5.2.2
                Diagnostic-Code: smtp; 552 5.2.2 Mailbox full

                --r
                Content-Type: text/rfc822-headers

                Message-ID: <%s>
                Subject: Proposal
                --r--
                """.formatted(OUR_ID));

        assertThat(v.kind()).isEqualTo(MessageKind.BOUNCE);
        assertThat(v.bounce()).isEqualTo(BounceType.SOFT);
        assertThat(v.recipient()).isEqualTo("full@example.org");
        assertThat(v.originalMessageId()).isEqualTo(OUR_ID);
    }

    @Test
    void an_exchange_ndr_is_a_bounce_by_its_header() {
        Verdict v = classify("""
                From: Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@contoso.onmicrosoft.com>
                Subject: Undeliverable: Proposal
                X-MS-Exchange-Message-Is-Ndr:
                Content-Type: text/plain

                Your message to lost@contoso.example couldn't be delivered.
                Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'

                Original message headers:

                Message-ID: <%s>
                """.formatted(OUR_ID));

        assertThat(v.kind()).isEqualTo(MessageKind.BOUNCE);
        assertThat(v.bounce()).isEqualTo(BounceType.HARD);
        assertThat(v.status()).isEqualTo("5.1.10");
        assertThat(v.recipient()).isEqualTo("lost@contoso.example");
        assertThat(v.originalMessageId()).isEqualTo(OUR_ID);
        assertThat(v.reason()).isEqualTo("Exchange non-delivery report (X-MS-Exchange-Message-Is-Ndr),"
                + " status 5.1.10 in the text");
    }

    @Test
    void an_arf_report_is_a_complaint() {
        Verdict v = classify("""
                From: feedback@fbl.example.net
                Subject: Complaint about message from 192.0.2.1
                Content-Type: multipart/report; report-type=feedback-report; boundary="f"

                --f
                Content-Type: text/plain

                This is an email abuse report.
                --f
                Content-Type: message/feedback-report

                Feedback-Type: abuse
                User-Agent: SomeGenerator/1.0
                Version: 1
                Original-Rcpt-To: <lena@example.net>

                --f
                Content-Type: message/rfc822

                From: sales@nudge.test
                Message-ID: <%s>
                Subject: Proposal

                Hello
                --f--
                """.formatted(OUR_ID));

        assertThat(v).isEqualTo(new Verdict(MessageKind.COMPLAINT, null, null, "lena@example.net", null, OUR_ID,
                "multipart/report feedback-report, Feedback-Type: abuse"));
    }

    @Test
    void a_delayed_report_is_a_delivery_notice_not_a_bounce() {
        Verdict v = classify("""
                From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>
                Subject: Delivery Status Notification (Delay)
                Auto-Submitted: auto-replied
                Content-Type: multipart/report; report-type=delivery-status; boundary="d"

                --d
                Content-Type: message/delivery-status

                Final-Recipient: rfc822;slow@example.org
                Action: delayed
                Status: 4.4.7
                Will-Retry-Until: Mon, 2 Mar 2026 10:00:00 +0000

                --d--
                """);

        assertThat(v.kind()).isEqualTo(MessageKind.DELIVERY_NOTICE);
        assertThat(v.reason()).isEqualTo("multipart/report delivery-status, Action: delayed");
        assertThat(v.bounce()).isNull();
    }

    @Test
    void a_delay_warning_without_a_report_part_is_a_delivery_notice() {
        Verdict v = classify("""
                From: MAILER-DAEMON@mx.example.org
                Subject: Warning: could not send message for past 4 hours

                The original message was received at Fri, 27 Feb 2026 08:00:00 GMT
                """);

        assertThat(v.kind()).isEqualTo(MessageKind.DELIVERY_NOTICE);
    }

    @Test
    void a_read_receipt_is_a_delivery_notice_naming_our_message() {
        Verdict v = classify("""
                From: mia@example.org
                Subject: Read: Proposal
                Content-Type: multipart/report; report-type=disposition-notification; boundary="n"

                --n
                Content-Type: text/plain

                Your message was displayed.
                --n
                Content-Type: message/disposition-notification

                Reporting-UA: mail.example.org; Mailer 1.0
                Final-Recipient: rfc822;mia@example.org
                Original-Message-ID: <%s>
                Disposition: manual-action/MDN-sent-manually; displayed

                --n--
                """.formatted(OUR_ID));

        assertThat(v.kind()).isEqualTo(MessageKind.DELIVERY_NOTICE);
        assertThat(v.originalMessageId()).isEqualTo(OUR_ID);
        assertThat(v.reason()).isEqualTo("read receipt (multipart/report disposition-notification,"
                + " Disposition: manual-action/MDN-sent-manually; displayed)");
    }

    @Test
    void a_qmail_bounce_in_plain_text_is_read_from_its_words() {
        Verdict v = classify("""
                From: MAILER-DAEMON@mail.example.org
                Subject: failure notice

                Hi. This is the qmail-send program at mail.example.org.
                I'm afraid I wasn't able to deliver your message to the following addresses.
                This is a permanent error; I've given up. Sorry it didn't work out.

                <nobody@example.org>:
                Sorry, no mailbox here by that name. (#5.1.1)

                --- Below this line is a copy of the message.

                Message-ID: <%s>
                Subject: Proposal
                """.formatted(OUR_ID));

        assertThat(v).isEqualTo(new Verdict(MessageKind.BOUNCE, BounceType.HARD, "5.1.1", "nobody@example.org", null,
                OUR_ID, "From: mailer-daemon@mail.example.org (the mail system); subject \"failure notice\","
                        + " status 5.1.1 in the text"));
    }
}
